package io.mmsdk.meetings.control;

import static java.util.Objects.requireNonNull;

import io.mmsdk.cms.CmsClient;
import io.mmsdk.cms.api.Call;
import io.mmsdk.cms.api.CallLeg;
import io.mmsdk.cms.api.CmsApi;
import io.mmsdk.cms.api.CoSpace;
import io.mmsdk.cms.api.Participant;
import io.mmsdk.common.MmSdkException;
import io.mmsdk.admin.access.AccessControl;
import io.mmsdk.admin.access.Action;
import io.mmsdk.admin.access.Decision;
import io.mmsdk.admin.access.Principal;
import io.mmsdk.admin.access.Resource;
import io.mmsdk.core.audit.AuditHook;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * Runs operator controls on live meetings of the Call Bridges it was given, after checking access,
 * and audits each one.
 *
 * <p>For every {@link #execute} it reads the meeting ({@code GET /calls/<id>}) and its space
 * ({@code GET /coSpaces/<id>}: tags and owner), decides access with {@link AccessControl} — roles
 * and space tags for everyone, and conference ownership (seed 002) for principals with a privilege
 * level — and for a participant control checks with {@code GET /participants/<id>} that the
 * participant is in that meeting. Only then does it send the control's requests. A refusal is a
 * {@link ControlRefusedException} naming the rule; a malformed control an {@link
 * InvalidControlException}; what the Call Bridge refuses or fails comes back as cms-api-client's
 * exception, unchanged ({@code CmsNotFoundException}, {@code CmsServiceException} with the
 * {@code failureDetails} reason, {@code CmsConnectionException}, ...). Every outcome —
 * succeeded, refused, failed with the CMS reason — goes to the {@link AuditHook} as {@code
 * meeting.<verb>}, with the meeting or participant as target.
 *
 * <p>Thread-safe, holds no locks while talking to a Call Bridge, and owns none of the clients it
 * was given (it never closes them).
 */
public final class MeetingControls {
  private final Map<String, CmsClient> bridges;
  private final AuditHook audit;
  private final Function<CoSpace, Set<String>> spaceTags;
  private final ControlPolicy policy;
  private final ControlSender sender;
  private final List<String> order;

  private MeetingControls(Builder b) {
    this.bridges = Map.copyOf(b.bridges);
    this.audit = b.audit;
    this.spaceTags = b.spaceTags;
    this.policy = new ControlPolicy(b.owners);
    this.sender = new ControlSender(this::api);
    this.order = List.copyOf(b.bridges.keySet());
  }

  /** {@return a builder; add at least one Call Bridge} */
  public static Builder builder() {
    return new Builder();
  }

  /**
   * Runs {@code control} for {@code actor}: reads the meeting, checks access, sends the requests,
   * audits the outcome.
   *
   * @param <R> the control's result type
   * @param actor who is acting (from their session, {@code Session.principal()})
   * @param control the control
   * @return what was done
   * @throws ControlRefusedException if a rule refused it (nothing was sent)
   * @throws InvalidControlException if the control names a Call Bridge not registered here
   * @throws MmSdkException cms-api-client's exception when the Call Bridge refused or failed
   */
  public <R extends ControlResult> R execute(Principal actor, Control<R> control) {
    requireNonNull(actor, "actor == null");
    requireNonNull(control, "control == null");
    String action = "meeting." + control.verb();
    String target = control.findParticipant().map(Object::toString).orElse(control.meeting().toString());
    String reasons = "";
    try {
      CmsApi api = api(control.meeting());
      MeetingScope scope = scope(api, control.meeting());
      reasons = policy.check(actor, control.verb(), target, scope, Action.MANAGE_MEETINGS, control.ownershipAction());
      if (control instanceof ParticipantControl.Move move) {
        MeetingScope to = scope(api(move.target()), move.target());
        reasons += "; target " + move.target() + ": " + policy.check(actor, control.verb(), move.target().toString(), to,
            Action.MANAGE_MEETINGS, Action.CONNECT_PARTICIPANT);
      }
      List<String> legs = control.findParticipant()
          .map(p -> legsInMeeting(api, p, control.verb(), target))
          .orElse(List.of());
      @SuppressWarnings("unchecked") // each Control<R> record's sender branch returns its R
      R result = (R) sender.send(control, legs);
      audit.changed(actor.username(), action, target, AuditHook.Outcome.SUCCEEDED, describe(control) + "; " + reasons);
      return result;
    } catch (ControlRefusedException | InvalidControlException e) {
      audit.changed(actor.username(), action, target, AuditHook.Outcome.REFUSED, e.getMessage());
      throw e;
    } catch (MmSdkException e) {
      audit.changed(actor.username(), action, target, AuditHook.Outcome.FAILED,
          describe(control) + "; " + e.getClass().getSimpleName() + ": " + e.getMessage()
              + (reasons.isEmpty() ? "" : "; " + reasons));
      throw e;
    }
  }

  /**
   * Lists the live meetings on every Call Bridge that {@code actor} may view (roles and space
   * tags), in the order the bridges were added and the bridges list them. Reading is not audited.
   *
   * @param actor who is looking
   * @return the meetings with their space, tags and owner
   * @throws MmSdkException cms-api-client's exception when a Call Bridge cannot be read
   */
  public List<MeetingScope> meetings(Principal actor) {
    requireNonNull(actor, "actor == null");
    List<MeetingScope> visible = new ArrayList<>();
    for (String bridge : order) {
      CmsApi api = bridges.get(bridge).api();
      Map<String, CoSpace> spaces = new HashMap<>();
      for (Call call : api.calls().list()) {
        MeetingScope scope = scope(api, new MeetingRef(bridge, call.id()), call, spaces);
        Decision d = AccessControl.decide(actor, Action.VIEW_MEETINGS, new Resource.Space(scope.accessId(), scope.tags()));
        if (d.allowed()) {
          visible.add(scope);
        }
      }
    }
    return List.copyOf(visible);
  }

  /**
   * Reads a meeting's participants, after checking {@code actor} may view its meetings and, with a
   * privilege level, see its participant list (limited control). Reading is not audited.
   *
   * @param actor who is looking
   * @param meeting the meeting
   * @return one entry per participant, in the Call Bridge's order
   * @throws ControlRefusedException if a rule refused it
   * @throws InvalidControlException if the meeting names a Call Bridge not registered here
   * @throws MmSdkException cms-api-client's exception when the Call Bridge cannot be read
   */
  public List<RosterEntry> roster(Principal actor, MeetingRef meeting) {
    requireNonNull(actor, "actor == null");
    requireNonNull(meeting, "meeting == null");
    CmsApi api = api(meeting);
    policy.check(actor, "view-roster", meeting.toString(), scope(api, meeting), Action.VIEW_MEETINGS,
        Action.VIEW_PARTICIPANT_LIST);
    List<RosterEntry> roster = new ArrayList<>();
    for (Participant p : api.callParticipants(meeting.callId()).list()) {
      List<String> legs = new ArrayList<>();
      String state = "";
      String address = "";
      boolean lobby = false;
      for (CallLeg summary : api.participantCallLegs(p.id()).list()) {
        CallLeg leg = api.callLegs().get(summary.id());
        if (legs.isEmpty()) {
          state = leg.statusStateAsString().orElse("");
          address = leg.remoteParty().orElse("");
        }
        lobby |= leg.statusDeactivated().orElse(false);
        legs.add(leg.id());
      }
      roster.add(new RosterEntry(meeting.participant(p.id()), p.name().orElse(""), address, state, lobby, legs));
    }
    return List.copyOf(roster);
  }

  /**
   * {@return the tags of a space from its {@code cdrTag}: comma-separated, trimmed, blanks dropped (the default)}
   *
   * @param space the space as read with {@code GET /coSpaces/<id>}
   */
  public static Set<String> cdrTagTags(CoSpace space) {
    return space.cdrTag().map(tag -> Arrays.stream(tag.split(","))
        .map(String::strip)
        .filter(t -> !t.isEmpty())
        .collect(Collectors.toUnmodifiableSet())).orElse(Set.of());
  }

  private CmsApi api(MeetingRef meeting) {
    CmsClient client = bridges.get(meeting.bridge());
    if (client == null) {
      throw new InvalidControlException("No Call Bridge named '" + meeting.bridge() + "' is registered; known: " + order
          + ". Use the name given to MeetingControls.Builder.bridge(...).");
    }
    return client.api();
  }

  private MeetingScope scope(CmsApi api, MeetingRef meeting) {
    return scope(api, meeting, api.calls().get(meeting.callId()), new HashMap<>());
  }

  private MeetingScope scope(CmsApi api, MeetingRef meeting, Call call, Map<String, CoSpace> spaces) {
    String spaceId = call.coSpace().orElse(null);
    if (spaceId == null) {
      return new MeetingScope(meeting, call.name().orElse(""), null, Set.of(), null);
    }
    CoSpace space = spaces.computeIfAbsent(spaceId, id -> api.coSpaces().get(id));
    return new MeetingScope(meeting, call.name().orElse(space.name().orElse("")), spaceId, spaceTags.apply(space),
        space.ownerJid().orElse(null));
  }

  private static List<String> legsInMeeting(CmsApi api, ParticipantRef p, String verb, String target) {
    Participant participant = api.participants().get(p.participantId());
    String call = participant.call().orElse("");
    if (!call.equals(p.meeting().callId())) {
      throw new ControlRefusedException(ControlRefusedException.Rule.PARTICIPANT_NOT_IN_MEETING, verb, target,
          Decision.deny("the Call Bridge reports participant " + p.participantId() + " in call '" + call
              + "', not in call " + p.meeting().callId()));
    }
    return api.participantCallLegs(p.participantId()).list().stream().map(CallLeg::id).toList();
  }

  private static String describe(Control<?> control) {
    return control.toString();
  }

  @Override
  public String toString() {
    return "MeetingControls" + order;
  }

  /** Builds {@link MeetingControls}. */
  public static final class Builder {
    private final Map<String, CmsClient> bridges = new LinkedHashMap<>();
    private AuditHook audit = AuditHook.none();
    private Function<CoSpace, Set<String>> spaceTags = MeetingControls::cdrTagTags;
    private ConferenceOwners owners = ConferenceOwners.spaceOwner();

    private Builder() {}

    /**
     * Adds a Call Bridge under {@code name}, the {@link MeetingRef#bridge()} of its meetings.
     *
     * @param name a name unique among the bridges added, e.g. the Call Bridge's name
     * @param client a client for that Call Bridge (not closed by the controls)
     * @return this builder
     * @throws InvalidControlException if the name is blank or already used
     */
    public Builder bridge(String name, CmsClient client) {
      MeetingRef.requireId(name, "bridge");
      requireNonNull(client, "client == null");
      if (bridges.containsKey(name)) {
        throw new InvalidControlException("Call Bridge name '" + name + "' is used twice; give each bridge its own name.");
      }
      bridges.put(name, client);
      return this;
    }

    /**
     * Sets where controls are audited (typically mm-core's {@code AuditTrail}); default none.
     *
     * @param audit the audit hook
     * @return this builder
     */
    public Builder audit(AuditHook audit) {
      this.audit = requireNonNull(audit, "audit == null");
      return this;
    }

    /**
     * Sets how a space's tags are read from the space; default {@link #cdrTagTags}.
     *
     * @param spaceTags the tags of a space (must not return null)
     * @return this builder
     */
    public Builder spaceTags(Function<CoSpace, Set<String>> spaceTags) {
      this.spaceTags = requireNonNull(spaceTags, "spaceTags == null");
      return this;
    }

    /**
     * Sets who owns a meeting for principals with a privilege level; default {@link
     * ConferenceOwners#spaceOwner()}.
     *
     * @param owners the owner lookup
     * @return this builder
     */
    public Builder conferenceOwners(ConferenceOwners owners) {
      this.owners = requireNonNull(owners, "owners == null");
      return this;
    }

    /**
     * Builds the controls.
     *
     * @return the controls
     * @throws InvalidControlException if no Call Bridge was added
     */
    public MeetingControls build() {
      if (bridges.isEmpty()) {
        throw new InvalidControlException("Add at least one Call Bridge with bridge(name, client).");
      }
      return new MeetingControls(this);
    }
  }
}
