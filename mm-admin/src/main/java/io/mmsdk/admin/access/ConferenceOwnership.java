package io.mmsdk.admin.access;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.TreeMap;

/**
 * Owners of scheduled conferences, changed only through {@link AccessControl} decisions. When a
 * user is deleted, every conference they own gets owner "none" ({@link #userDeleted}).
 *
 * <p>Thread-safe. Held in memory; conferences themselves live on the bridges.
 */
public final class ConferenceOwnership {
  private final Map<String, String> owners = new TreeMap<>();

  /** {@return an empty ownership table} */
  public static ConferenceOwnership create() {
    return new ConferenceOwnership();
  }

  /**
   * Records a newly scheduled conference owned by {@code owner} (null for none).
   *
   * @param actor who schedules the conference
   * @param conferenceId the new conference's id
   * @param owner the owner's user name, or null for none
   * @param ownerLevel the owner's MCU privilege level, or null when there is no owner
   * @return the allowing decision, for the audit trail
   * @throws AccessDeniedException if {@code actor} may not create it with that owner
   */
  public synchronized Decision schedule(Principal actor, String conferenceId, String owner, PrivilegeLevel ownerLevel) {
    Objects.requireNonNull(conferenceId, "conferenceId == null");
    if (owners.containsKey(conferenceId)) {
      throw new IllegalArgumentException("Conference '" + conferenceId + "' is already scheduled; use changeOwner(...).");
    }
    Resource.Conference c = Resource.Conference.unowned(conferenceId);
    Resource.OwnerChange change =
        owner == null ? Resource.OwnerChange.toNone(c) : Resource.OwnerChange.to(c, owner, ownerLevel);
    Decision d = require(AccessControl.decide(actor, Action.CREATE_CONFERENCE, change));
    owners.put(conferenceId, owner);
    return d;
  }

  /**
   * Changes the owner of {@code conferenceId} to {@code newOwner} (null for none).
   *
   * @param actor who changes the owner
   * @param conferenceId the conference's id
   * @param newOwner the new owner's user name, or null for none
   * @param newOwnerLevel the new owner's MCU privilege level, or null when there is no owner
   * @return the allowing decision, for the audit trail
   * @throws AccessDeniedException if {@code actor} may not make that change
   */
  public synchronized Decision changeOwner(Principal actor, String conferenceId, String newOwner, PrivilegeLevel newOwnerLevel) {
    Resource.Conference c = conference(conferenceId);
    Resource.OwnerChange change =
        newOwner == null ? Resource.OwnerChange.toNone(c) : Resource.OwnerChange.to(c, newOwner, newOwnerLevel);
    Decision d = require(AccessControl.decide(actor, Action.CHANGE_OWNER, change));
    owners.put(conferenceId, newOwner);
    return d;
  }

  /**
   * {@return the conference as an access-control resource with its current owner}
   *
   * @param conferenceId the conference's id
   */
  public synchronized Resource.Conference conference(String conferenceId) {
    Objects.requireNonNull(conferenceId, "conferenceId == null");
    if (!owners.containsKey(conferenceId)) {
      throw new IllegalArgumentException("No scheduled conference '" + conferenceId + "'; schedule(...) it first.");
    }
    return new Resource.Conference(conferenceId, owners.get(conferenceId));
  }

  /**
   * {@return the owner of {@code conferenceId}, empty for none}
   *
   * @param conferenceId the conference's id
   */
  public synchronized Optional<String> findOwner(String conferenceId) {
    return conference(conferenceId).findOwner();
  }

  /**
   * Resets the owner of every conference owned by {@code username} to none; returns their ids.
   *
   * @param username the deleted user's name
   * @return the ids of the conferences that had {@code username} as owner
   */
  public synchronized List<String> userDeleted(String username) {
    Objects.requireNonNull(username, "username == null");
    List<String> reset = new ArrayList<>();
    owners.replaceAll((id, owner) -> {
      if (username.equals(owner)) {
        reset.add(id);
        return null;
      }
      return owner;
    });
    return reset;
  }

  private static Decision require(Decision d) {
    if (d.denied()) {
      throw new AccessDeniedException(d);
    }
    return d;
  }
}
