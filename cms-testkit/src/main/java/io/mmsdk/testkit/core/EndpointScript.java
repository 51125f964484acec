package io.mmsdk.testkit.core;

import static java.util.Objects.requireNonNull;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * How a scripted remote endpoint behaves for one call attempt when the simulated cluster dials it
 * (a dial-out via {@code POST /calls/<id>/callLegs} or {@code /participants}). Register scripts
 * with {@link io.mmsdk.testkit.SimulatedCluster#scriptEndpoint(String, EndpointScript...)}. All
 * delays are simulated time on the cluster's {@link SimulatedClock}: nothing happens until the test
 * advances it (even outcomes with zero delay happen on the next {@code advance}, so a test can see
 * the leg in its initial state first).
 *
 * <p>Immutable. Instance methods return a new script.
 */
public final class EndpointScript {
  /** The outcome of the attempt. */
  public enum Outcome {
    /** The endpoint answers after {@link #answerDelay()}. */
    ANSWER,
    /** The endpoint is busy: the leg ends with reason {@code remoteBusy}. */
    BUSY,
    /** The endpoint rings until the ringing timeout: reason {@code ringingTimeout}. */
    NO_ANSWER,
    /** The endpoint declines: reason {@code remoteRejected}. */
    REJECT,
    /** The address does not route: reason {@code unknownDestination}. */
    UNKNOWN_DESTINATION
  }

  /** One DTMF key sequence sent {@code afterAnswer} the endpoint answered. */
  public record KeyPress(Duration afterAnswer, String digits) {
    /**
     * Checks the values.
     *
     * @param afterAnswer how long after the answer (or the previous press) the keys are sent; not
     *     null
     * @param digits the DTMF digits to send, one or more of {@code 0-9}, {@code *} and {@code #}
     * @throws IllegalArgumentException if {@code digits} is empty or holds another character
     */
    public KeyPress {
      requireNonNull(afterAnswer, "afterAnswer == null");
      requireNonNull(digits, "digits == null");
      if (!digits.matches("[0-9*#]+")) {
        throw new IllegalArgumentException("digits must be 0-9, * or #, was '" + digits + "'");
      }
    }
  }

  /** Delay between answering and the key press of {@link #answersThenPresses(String)}. */
  public static final Duration DEFAULT_KEY_DELAY = Duration.ofSeconds(2);

  private final Outcome outcome;
  private final Duration answerDelay;
  private final List<KeyPress> keyPresses;
  private final Duration hangUpAfter;

  private EndpointScript(Outcome outcome, Duration answerDelay, List<KeyPress> keyPresses,
      Duration hangUpAfter) {
    this.outcome = outcome;
    this.answerDelay = answerDelay;
    this.keyPresses = List.copyOf(keyPresses);
    this.hangUpAfter = hangUpAfter;
  }

  /**
   * Answers at once and stays in the call.
   *
   * @return a script that answers without ringing and stays until the call ends or a test hangs up
   */
  public static EndpointScript answers() {
    return answersAfter(Duration.ZERO);
  }

  /**
   * Answers after {@code delay} of ringing (ends {@code ringingTimeout} if that is longer).
   *
   * @param delay how long the endpoint rings before answering; not negative
   * @return a script that answers after {@code delay}
   * @throws IllegalArgumentException if {@code delay} is negative
   */
  public static EndpointScript answersAfter(Duration delay) {
    requireNonNull(delay, "delay == null");
    if (delay.isNegative()) {
      throw new IllegalArgumentException("delay must not be negative, was " + delay);
    }
    return new EndpointScript(Outcome.ANSWER, delay, List.of(), null);
  }

  /**
   * Answers at once and presses {@code digits} {@link #DEFAULT_KEY_DELAY} later.
   *
   * @param digits the DTMF digits to press, as for {@link KeyPress}
   * @return a script that answers at once and presses {@code digits}
   */
  public static EndpointScript answersThenPresses(String digits) {
    return answers().thenPresses(DEFAULT_KEY_DELAY, digits);
  }

  /**
   * Is busy.
   *
   * @return a script whose dial attempts end at once as busy
   */
  public static EndpointScript busy() {
    return new EndpointScript(Outcome.BUSY, Duration.ZERO, List.of(), null);
  }

  /**
   * Rings and never answers.
   *
   * @return a script whose dial attempts ring until the cluster's ringing timeout
   */
  public static EndpointScript noAnswer() {
    return new EndpointScript(Outcome.NO_ANSWER, Duration.ZERO, List.of(), null);
  }

  /**
   * Declines the call.
   *
   * @return a script whose dial attempts are declined by the endpoint
   */
  public static EndpointScript rejects() {
    return new EndpointScript(Outcome.REJECT, Duration.ZERO, List.of(), null);
  }

  /**
   * Cannot be reached.
   *
   * @return a script whose dial attempts fail because the address cannot be reached
   */
  public static EndpointScript unknownDestination() {
    return new EndpointScript(Outcome.UNKNOWN_DESTINATION, Duration.ZERO, List.of(), null);
  }

  /**
   * Adds a key press {@code afterAnswer} the answer (only meaningful for answering scripts).
   *
   * @param afterAnswer how long after answering (counted from the previous press, if any) to press;
   *     not null
   * @param digits the DTMF digits to press, as for {@link KeyPress}
   * @return a new script with the press added (this one is unchanged)
   * @throws IllegalStateException if this script does not answer
   */
  public EndpointScript thenPresses(Duration afterAnswer, String digits) {
    requireAnswer("thenPresses");
    List<KeyPress> presses = new ArrayList<>(keyPresses);
    presses.add(new KeyPress(afterAnswer, digits));
    return new EndpointScript(outcome, answerDelay, presses, hangUpAfter);
  }

  /**
   * Hangs up {@code afterAnswer} the answer (leg ends {@code remoteTeardown}).
   *
   * @param afterAnswer how long after answering the endpoint hangs up; not null
   * @return a new script that hangs up (this one is unchanged)
   * @throws IllegalStateException if this script does not answer
   */
  public EndpointScript thenHangsUpAfter(Duration afterAnswer) {
    requireAnswer("thenHangsUpAfter");
    return new EndpointScript(outcome, answerDelay, keyPresses,
        requireNonNull(afterAnswer, "afterAnswer == null"));
  }

  /** {@return the outcome of the attempt} */
  public Outcome outcome() {
    return outcome;
  }

  /** {@return ringing time before the endpoint answers} */
  public Duration answerDelay() {
    return answerDelay;
  }

  /** {@return key presses after answering, in order} */
  public List<KeyPress> keyPresses() {
    return keyPresses;
  }

  /** {@return time after answering at which the endpoint hangs up, if it does} */
  public Optional<Duration> findHangUpAfter() {
    return Optional.ofNullable(hangUpAfter);
  }

  private void requireAnswer(String method) {
    if (outcome != Outcome.ANSWER) {
      throw new IllegalStateException(method + " needs an answering script, this one is " + outcome);
    }
  }

  @Override
  public String toString() {
    return "EndpointScript[" + outcome + ", answerDelay=" + answerDelay + ", keyPresses=" + keyPresses
        + (hangUpAfter != null ? ", hangUpAfter=" + hangUpAfter : "") + "]";
  }
}
