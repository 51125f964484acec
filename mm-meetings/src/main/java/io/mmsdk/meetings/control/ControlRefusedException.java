package io.mmsdk.meetings.control;

import io.mmsdk.common.MmSdkException;
import io.mmsdk.admin.access.Decision;
import java.util.Objects;

/**
 * The SDK refused a control before sending anything to the Call Bridge. {@link #rule()} names the
 * rule that refused; the message says why (the access decision's reason) and what to do.
 */
public final class ControlRefusedException extends MmSdkException {
  private static final long serialVersionUID = 1L;

  /** The rules a control can be refused by. */
  public enum Rule {
    /**
     * Meeting Management roles and space tags (seed 001, 6.3): a video operator with tags may
     * manage only meetings in spaces carrying one of them.
     */
    ROLE_AND_TAGS("ask an administrator to give you a tag the meeting's space carries, or to tag the space"),
    /**
     * MCU conference ownership (seed 002): the principal's privilege level and whether they own
     * the conference give full, limited or no control; the control needs more.
     */
    CONFERENCE_OWNERSHIP("ask the conference's owner or a user with full control, or have the owner changed"),
    /** The participant named is not in the meeting named (CMS reports it in another call). */
    PARTICIPANT_NOT_IN_MEETING("take the participant id from this meeting's roster");

    private final String remedy;

    Rule(String remedy) {
      this.remedy = remedy;
    }

    /** {@return what the refused user can do about it} */
    public String remedy() {
      return remedy;
    }
  }

  /** The rule that refused. */
  private final Rule rule;
  /** The refused control's verb. */
  private final String control;
  private final transient Decision decision;

  /**
   * Creates a refusal.
   *
   * @param rule the rule that refused
   * @param control the control's verb, e.g. {@code "end"}
   * @param target the meeting or participant, as text
   * @param decision the denying decision with its reason
   */
  public ControlRefusedException(Rule rule, String control, String target, Decision decision) {
    super("Refused '" + control + "' on " + target + " (" + rule + "): "
        + Objects.requireNonNull(decision, "decision == null").reason() + ". To proceed, "
        + Objects.requireNonNull(rule, "rule == null").remedy() + ".");
    this.rule = rule;
    this.control = control;
    this.decision = decision;
  }

  /** {@return the rule that refused} */
  public Rule rule() {
    return rule;
  }

  /** {@return the refused control's verb} */
  public String control() {
    return control;
  }

  /** {@return the denying decision} */
  public Decision decision() {
    return decision;
  }
}
