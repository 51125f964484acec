package io.mmsdk.meetings.control;

import static io.mmsdk.meetings.control.ControlWorld.ADMIN;
import static io.mmsdk.meetings.control.ControlWorld.APAC_OPERATOR;
import static io.mmsdk.meetings.control.ControlWorld.CREATOR;
import static io.mmsdk.meetings.control.ControlWorld.EMEA_OPERATOR;
import static io.mmsdk.meetings.control.ControlWorld.LIMITED;
import static io.mmsdk.meetings.control.ControlWorld.LIST_ONLY;
import static io.mmsdk.meetings.control.ControlWorld.OWNER;
import static io.mmsdk.meetings.control.ControlWorld.UNTAGGED_OPERATOR;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.mmsdk.admin.access.Principal;
import io.mmsdk.admin.audit.AuditEvent;
import io.mmsdk.cms.CmsClient;
import io.mmsdk.cms.api.Layout;
import io.mmsdk.cms.api.MessagePosition;
import io.mmsdk.testkit.SimulatedCallBridge;
import io.mmsdk.testkit.core.SimulatedClock;
import io.mmsdk.testkit.junit5.SimulatedClusterExtension;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.function.Function;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Named;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Every control refused by roles and tags and by conference ownership, before anything reaches
 * the simulated Call Bridge (its state is unchanged afterwards), audited as refused; plus the
 * participant-in-meeting check, bad input, and what a tagged operator sees.
 */
@ExtendWith(SimulatedClusterExtension.class)
class ControlAccessTest {
  private ControlWorld w;

  @BeforeEach
  void world(CmsClient cms, SimulatedCallBridge cb, SimulatedClock clock) {
    w = new ControlWorld(cms, cb, clock);
  }

  /** Every control, aimed at Sales (and, for a move, Board as the target). */
  static Stream<Named<Function<ControlWorld, Control<?>>>> everyControlOnSales() {
    return Stream.concat(limitedControlsOnSales(), fullControlsOnSales());
  }

  /** The controls seed 002 allows with limited control. */
  static Stream<Named<Function<ControlWorld, Control<?>>>> limitedControlsOnSales() {
    return Stream.of(
        named("mute audio", x -> new ParticipantControl.SetAudioMuted(x.participant(x.alice), true)),
        named("mute video", x -> new ParticipantControl.SetVideoMuted(x.participant(x.alice), true)),
        named("participant layout", x -> new ParticipantControl.SetParticipantLayout(x.participant(x.alice), Layout.STACKED)),
        named("set important", x -> new ParticipantControl.SetImportant(x.participant(x.alice), true)));
  }

  /** The controls that need full control. */
  static Stream<Named<Function<ControlWorld, Control<?>>>> fullControlsOnSales() {
    return Stream.of(
        named("mute all audio", x -> new MeetingControl.SetAllAudioMuted(x.sales, true)),
        named("mute all video", x -> new MeetingControl.SetAllVideoMuted(x.sales, true)),
        named("meeting layout", x -> new MeetingControl.SetMeetingLayout(x.sales, Layout.SPEAKER_ONLY)),
        named("lock", x -> new MeetingControl.SetLocked(x.sales, true)),
        named("admit", x -> new ParticipantControl.Admit(x.participant(x.alice))),
        named("admit all", x -> new MeetingControl.AdmitAll(x.sales)),
        named("start recording", x -> new MeetingControl.SetRecording(x.sales, true)),
        named("start streaming", x -> new MeetingControl.SetStreaming(x.sales, true)),
        named("add participant", x -> MeetingControl.AddParticipant.dial(x.sales, "dave@example.com")),
        named("disconnect", x -> new ParticipantControl.Disconnect(x.participant(x.bob))),
        named("move", x -> new ParticipantControl.Move(x.participant(x.bob), x.board)),
        named("message to all", x -> MeetingControl.SendMessage.permanent(x.sales, "hello", MessagePosition.MIDDLE)),
        named("end", x -> new MeetingControl.EndMeeting(x.sales)));
  }

  private static Named<Function<ControlWorld, Control<?>>> named(String name, Function<ControlWorld, Control<?>> f) {
    return Named.of(name, f);
  }

  /** Asserts nothing a control could have changed in Sales has changed. */
  private void assertSalesUntouched() {
    var call = w.api.calls().get(w.sales.callId());
    assertFalse(call.locked().orElseThrow());
    assertFalse(call.recording().orElseThrow());
    assertFalse(call.streaming().orElseThrow());
    assertTrue(call.messageText().isEmpty());
    for (var leg : List.of(w.alice, w.bob)) {
      var l = w.api.callLegs().get(leg.id());
      assertTrue(l.configurationRxAudioMute().isEmpty(), "audio mute sent");
      assertTrue(l.configurationRxVideoMute().isEmpty(), "video mute sent");
      assertTrue(l.configurationChosenLayout().isEmpty(), "layout sent");
    }
    assertEquals("", w.api.participants().get(w.alice.participantId()).raw()
        .findText("configuration/importance").orElse(""));
    assertEquals(2, w.api.callParticipants(w.sales.callId()).list().stream().count());
    assertEquals(1, w.api.callParticipants(w.board.callId()).list().stream().count());
  }

  private AuditEvent assertRefusalAudited(Principal who, Control<?> control) {
    AuditEvent e = w.lastAudit();
    assertEquals(who.username(), e.actor());
    assertEquals("meeting." + control.verb(), e.action());
    assertEquals(control.findParticipant().map(Object::toString).orElse(control.meeting().toString()), e.target());
    assertTrue(e.detail().startsWith("outcome: refused; "), e.detail());
    return e;
  }

  @ParameterizedTest
  @MethodSource("everyControlOnSales")
  void everyControl_operatorWithoutTheSpacesTag_refusedByTagsNothingSent(Function<ControlWorld, Control<?>> make) {
    Control<?> control = make.apply(w);
    ControlRefusedException e = assertThrows(ControlRefusedException.class, () -> w.controls.execute(APAC_OPERATOR, control));
    assertEquals(ControlRefusedException.Rule.ROLE_AND_TAGS, e.rule());
    assertEquals(control.verb(), e.control());
    assertTrue(e.getMessage().contains("has tags [apac]") && e.getMessage().contains("ask an administrator"), e.getMessage());
    assertSalesUntouched();
    assertTrue(assertRefusalAudited(APAC_OPERATOR, control).detail().contains("ROLE_AND_TAGS"));
  }

  @ParameterizedTest
  @MethodSource("fullControlsOnSales")
  void fullControl_limitedControlNonOwner_refusedByOwnershipNothingSent(Function<ControlWorld, Control<?>> make) {
    Control<?> control = make.apply(w);
    ControlRefusedException e = assertThrows(ControlRefusedException.class, () -> w.controls.execute(LIMITED, control));
    assertEquals(ControlRefusedException.Rule.CONFERENCE_OWNERSHIP, e.rule());
    assertTrue(e.getMessage().contains("has limited control") && e.getMessage().contains("needs full control"),
        e.getMessage());
    assertSalesUntouched();
    assertRefusalAudited(LIMITED, control);
  }

  @ParameterizedTest
  @MethodSource("limitedControlsOnSales")
  void limitedControl_limitedControlNonOwner_allowedAndAudited(Function<ControlWorld, Control<?>> make) {
    Control<?> control = make.apply(w);
    ControlResult.ParticipantChanged r = (ControlResult.ParticipantChanged) w.controls.execute(LIMITED, control);
    assertEquals(w.participant(w.alice), r.participant());
    AuditEvent e = w.lastAudit();
    assertTrue(e.detail().startsWith("outcome: succeeded; ") && e.detail().contains("needs limited control"), e.detail());
  }

  @ParameterizedTest
  @MethodSource("limitedControlsOnSales")
  void limitedControl_creationOnlyNonOwnerOrListOnly_refusedByOwnership(Function<ControlWorld, Control<?>> make) {
    for (Principal p : List.of(CREATOR, LIST_ONLY)) {
      ControlRefusedException e = assertThrows(ControlRefusedException.class, () -> w.controls.execute(p, make.apply(w)));
      assertEquals(ControlRefusedException.Rule.CONFERENCE_OWNERSHIP, e.rule());
      assertTrue(e.getMessage().contains("has none control"), e.getMessage());
    }
    assertSalesUntouched();
  }

  @Test
  void owner_fullControlOfOwnSpace_noneOfAnother() {
    w.controls.execute(OWNER, new MeetingControl.SetLocked(w.sales, true));
    assertTrue(w.api.calls().get(w.sales.callId()).locked().orElseThrow());
    assertTrue(w.lastAudit().detail().contains("owns conference"), w.lastAudit().detail());
    ControlRefusedException e = assertThrows(ControlRefusedException.class,
        () -> w.controls.execute(OWNER, new MeetingControl.SetLocked(w.board, true)));
    assertEquals(ControlRefusedException.Rule.CONFERENCE_OWNERSHIP, e.rule());
    assertTrue(e.getMessage().contains("owner: none"), e.getMessage());
  }

  @Test
  void hostOwnershipTable_replacesTheSpaceOwner(CmsClient cms) {
    MeetingControls hosted = MeetingControls.builder().bridge(ControlWorld.BRIDGE, cms)
        .conferenceOwners(scope -> scope.findSpaceId().filter(id -> scope.name().equals("Board")).map(id -> "cid"))
        .build();
    hosted.execute(CREATOR, new MeetingControl.SetLocked(w.board, true));
    assertTrue(w.api.calls().get(w.board.callId()).locked().orElseThrow());
    assertThrows(ControlRefusedException.class, () -> hosted.execute(OWNER, new MeetingControl.SetLocked(w.sales, true)));
  }

  @Test
  void move_targetOutsideTheOperatorsTags_refusedNamingTheTarget() {
    ParticipantControl.Move move = new ParticipantControl.Move(w.participant(w.bob), w.board);
    ControlRefusedException e = assertThrows(ControlRefusedException.class, () -> w.controls.execute(EMEA_OPERATOR, move));
    assertEquals(ControlRefusedException.Rule.ROLE_AND_TAGS, e.rule());
    assertTrue(e.getMessage().contains(w.board.toString()) && e.getMessage().contains("[board]"), e.getMessage());
    assertSalesUntouched();
  }

  @Test
  void participantOfAnotherMeeting_refusedBeforeSending() {
    // Carol is in Board; naming her under Sales must not let an emea operator mute her.
    ParticipantRef carolUnderSales = w.sales.participant(w.carol.participantId());
    ParticipantControl.SetAudioMuted mute = new ParticipantControl.SetAudioMuted(carolUnderSales, true);
    ControlRefusedException e = assertThrows(ControlRefusedException.class, () -> w.controls.execute(EMEA_OPERATOR, mute));
    assertEquals(ControlRefusedException.Rule.PARTICIPANT_NOT_IN_MEETING, e.rule());
    assertTrue(e.getMessage().contains("in call '" + w.board.callId() + "'"), e.getMessage());
    assertTrue(w.api.callLegs().get(w.carol.id()).configurationRxAudioMute().isEmpty());
    assertRefusalAudited(EMEA_OPERATOR, mute);
  }

  @Test
  void adHocCall_taggedOperatorRefused_untaggedAllowed() {
    ControlRefusedException e = assertThrows(ControlRefusedException.class,
        () -> w.controls.execute(EMEA_OPERATOR, new MeetingControl.EndMeeting(w.adHoc)));
    assertTrue(e.getMessage().contains("'call:" + w.adHoc.callId() + "' carries none"), e.getMessage());
    assertTrue(w.api.calls().find(w.adHoc.callId()).isPresent());
    w.controls.execute(UNTAGGED_OPERATOR, new MeetingControl.EndMeeting(w.adHoc));
    assertTrue(w.api.calls().find(w.adHoc.callId()).isEmpty());
  }

  @Test
  void unknownBridge_invalidAndAudited() {
    MeetingControl.SetLocked lock = new MeetingControl.SetLocked(new MeetingRef("cb9", w.sales.callId()), true);
    InvalidControlException e = assertThrows(InvalidControlException.class, () -> w.controls.execute(ADMIN, lock));
    assertTrue(e.getMessage().contains("'cb9'") && e.getMessage().contains("[cb1]"), e.getMessage());
    assertRefusalAudited(ADMIN, lock);
  }

  @Test
  void badInput_typedErrorsSayWhatToDo(CmsClient cms) {
    assertThrows(InvalidControlException.class, () -> new MeetingRef("cb1", " "));
    assertThrows(InvalidControlException.class, () -> new MeetingRef("cb1", "../coSpaces"));
    assertThrows(InvalidControlException.class, () -> w.sales.participant(""));
    assertThrows(InvalidControlException.class, () -> new MeetingControl.SetMeetingLayout(w.sales, Layout.UNKNOWN_TO_SDK_VERSION));
    assertThrows(InvalidControlException.class, () -> MeetingControl.AddParticipant.dial(w.sales, "  "));
    assertThrows(InvalidControlException.class,
        () -> MeetingControl.AddParticipant.dial(w.sales, "x@example.com").withCallLegProfile("a/b"));
    assertThrows(InvalidControlException.class, () -> new ParticipantControl.Move(w.participant(w.bob), w.sales));
    assertThrows(InvalidControlException.class, () -> MeetingControl.SendMessage.permanent(w.sales, " ", MessagePosition.TOP));
    assertThrows(InvalidControlException.class, () -> MeetingControl.SendMessage.permanent(w.sales, "a\nb", MessagePosition.TOP));
    assertThrows(InvalidControlException.class,
        () -> MeetingControl.SendMessage.permanent(w.sales, "x".repeat(2001), MessagePosition.TOP));
    assertThrows(InvalidControlException.class,
        () -> MeetingControl.SendMessage.permanent(w.sales, "hi", MessagePosition.UNKNOWN_TO_SDK_VERSION));
    assertThrows(InvalidControlException.class,
        () -> MeetingControl.SendMessage.showFor(w.sales, "hi", MessagePosition.TOP, Duration.ofMillis(1500)));
    assertThrows(InvalidControlException.class,
        () -> MeetingControl.SendMessage.showFor(w.sales, "hi", MessagePosition.TOP, Duration.ZERO));
    InvalidControlException none = assertThrows(InvalidControlException.class, () -> MeetingControls.builder().build());
    assertTrue(none.getMessage().contains("bridge(name, client)"));
    assertThrows(InvalidControlException.class,
        () -> MeetingControls.builder().bridge("cb1", cms).bridge("cb1", cms));
    assertSalesUntouched();
  }

  @Test
  void meetings_taggedOperatorSeesOnlyMatchingSpaces() {
    assertEquals(Set.of("Sales", "Lobby"), names(w.controls.meetings(EMEA_OPERATOR)));
    assertEquals(Set.of(), names(w.controls.meetings(APAC_OPERATOR)));
    assertEquals(Set.of("Sales", "Board", "Lobby", "Ad hoc"), names(w.controls.meetings(ADMIN)));
    assertEquals(Set.of("Sales", "Board", "Lobby", "Ad hoc"), names(w.controls.meetings(UNTAGGED_OPERATOR)));
    MeetingScope sales = w.controls.meetings(EMEA_OPERATOR).stream()
        .filter(m -> m.name().equals("Sales")).findFirst().orElseThrow();
    assertEquals(w.sales, sales.meeting());
    assertEquals(Set.of("emea", "sales"), sales.tags());
    assertEquals("olga@example.com", sales.findSpaceOwner().orElseThrow());
  }

  private static Set<String> names(List<MeetingScope> meetings) {
    return meetings.stream().map(MeetingScope::name).collect(Collectors.toSet());
  }

  @Test
  void roster_namesAddressesStatesAndLobby() {
    List<RosterEntry> sales = w.controls.roster(EMEA_OPERATOR, w.sales);
    assertEquals(List.of("Alice", "Bob"), sales.stream().map(RosterEntry::name).toList());
    assertEquals("alice@example.com", sales.get(0).address());
    assertEquals("connected", sales.get(0).state());
    assertFalse(sales.get(0).inLobby());
    assertEquals(List.of(w.alice.id()), sales.get(0).callLegIds());
    assertTrue(w.controls.roster(ADMIN, w.lobby).stream().allMatch(RosterEntry::inLobby));
    assertEquals(2, w.controls.roster(LIMITED, w.sales).size());
    assertEquals(ControlRefusedException.Rule.ROLE_AND_TAGS,
        assertThrows(ControlRefusedException.class, () -> w.controls.roster(APAC_OPERATOR, w.sales)).rule());
    assertEquals(ControlRefusedException.Rule.CONFERENCE_OWNERSHIP,
        assertThrows(ControlRefusedException.class, () -> w.controls.roster(CREATOR, w.sales)).rule());
  }

  @Test
  void concurrentOperators_everyControlAppliedAndAuditedOnce() throws Exception {
    ExecutorService pool = Executors.newFixedThreadPool(8);
    try {
      List<Future<?>> done = new ArrayList<>();
      for (int i = 0; i < 40; i++) {
        boolean lock = i % 2 == 0;
        Principal who = i % 3 == 0 ? ADMIN : EMEA_OPERATOR;
        done.add(pool.submit(() -> w.controls.execute(who, new MeetingControl.SetLocked(w.sales, lock))));
        done.add(pool.submit(() -> w.controls.execute(APAC_OPERATOR, new MeetingControl.SetLocked(w.sales, true))));
      }
      int refused = 0;
      for (Future<?> f : done) {
        try {
          f.get(30, TimeUnit.SECONDS);
        } catch (java.util.concurrent.ExecutionException e) {
          assertTrue(e.getCause() instanceof ControlRefusedException, String.valueOf(e.getCause()));
          refused++;
        }
      }
      assertEquals(40, refused);
    } finally {
      pool.shutdownNow();
    }
    List<AuditEvent> events = w.audit.events();
    assertEquals(80, events.size());
    assertEquals(40, events.stream().filter(e -> e.detail().startsWith("outcome: refused")).count());
    for (int i = 1; i < events.size(); i++) {
      assertEquals(events.get(i - 1).sequence() + 1, events.get(i).sequence());
    }
  }
}
