package io.mmsdk.cms.events;

import static java.util.Objects.requireNonNull;

import io.mmsdk.cms.core.CmsField;
import java.util.List;

/**
 * One entry of a {@code subscribeRequest}: which resource, for which call, and which elements the
 * server should report. The {@code index} is chosen by the caller and comes back as the
 * {@code subscriptionIndex} of every update for this subscription.
 *
 * @param index the caller-chosen index, unique within the subscription set
 * @param type the resource
 * @param call the call id for {@code callInfo} and {@code callRoster}, "" for {@code calls}
 * @param elements the element names to report, for example {@code name}, {@code participants}
 */
public record Subscription(int index, SubscriptionType type, String call, List<String> elements) {
  /** Element names that make sense for {@link #calls} (the names of the call {@link EventFields}). */
  public static final List<String> CALL_ELEMENTS =
      EventFields.CALL.stream().map(CmsField::name).toList();

  /** Element names that make sense for {@link #callRoster} (the participant {@link EventFields}). */
  public static final List<String> ROSTER_ELEMENTS =
      EventFields.ROSTER.stream().map(CmsField::name).toList();

  /**
   * Checks the parts and copies the element list.
   *
   * @param index the caller-chosen index, unique within the subscription set
   * @param type the resource
   * @param call the call id for {@code callInfo} and {@code callRoster}, "" for {@code calls}
   * @param elements the element names to report, for example {@code name}, {@code participants}
   */
  public Subscription {
    requireNonNull(type, "type == null");
    requireNonNull(call, "call == null");
    elements = List.copyOf(elements);
    if (index < 0) {
      throw new IllegalArgumentException("index is " + index + "; expected 0 or more");
    }
    if (type == SubscriptionType.CALLS != call.isEmpty()) {
      throw new IllegalArgumentException(type.wireName() + " subscription "
          + (call.isEmpty() ? "needs a call id" : "takes no call id") + " (call=\"" + call + "\")");
    }
  }

  /**
   * Subscribes to the list of calls.
   *
   * @param index the subscription's index, unique within the set
   * @param elements the call elements to report, such as {@code name}
   * @return the subscription
   */
  public static Subscription calls(int index, List<String> elements) {
    return new Subscription(index, SubscriptionType.CALLS, "", elements);
  }

  /**
   * Subscribes to the details of call {@code callId}.
   *
   * @param index the subscription's index, unique within the set
   * @param callId the call's id
   * @param elements the call elements to report
   * @return the subscription
   */
  public static Subscription callInfo(int index, String callId, List<String> elements) {
    return new Subscription(index, SubscriptionType.CALL_INFO, callId, elements);
  }

  /**
   * Subscribes to the participants of call {@code callId}.
   *
   * @param index the subscription's index, unique within the set
   * @param callId the call's id
   * @param elements the participant elements to report
   * @return the subscription
   */
  public static Subscription callRoster(int index, String callId, List<String> elements) {
    return new Subscription(index, SubscriptionType.CALL_ROSTER, callId, elements);
  }
}
