package io.mmsdk.blastdial;

import static java.util.Objects.requireNonNull;

import io.mmsdk.core.backup.BackupPart;
import io.mmsdk.core.backup.BackupSection;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Consumer;
import java.util.function.Predicate;
import java.util.function.Supplier;

/**
 * Monitoring settings, space configurations and contact lists of one {@link BlastDial}, cached
 * over its {@link BlastDialStore}. Every method must be called with the facade's lock held; none
 * calls user code.
 */
final class SpaceConfigs {
  private final BlastDialStore store;
  private final Predicate<String> managesMeetings;
  private final CsvLimits limits;
  private final Map<SpaceKey, SpaceSetup> setups = new HashMap<>();
  private MonitoringSettings monitoringCache;

  SpaceConfigs(BlastDialStore store, Predicate<String> managesMeetings, CsvLimits limits) {
    this.store = store;
    this.managesMeetings = managesMeetings;
    this.limits = limits;
  }

  MonitoringSettings monitoring() {
    if (monitoringCache == null) {
      monitoringCache = store.monitoring();
    }
    return monitoringCache;
  }

  void saveMonitoring(MonitoringSettings settings) {
    store.saveMonitoring(settings);
    monitoringCache = settings;
  }

  boolean managesMeetings(String clusterId) {
    return managesMeetings.test(clusterId);
  }

  Optional<BlastDialNotAllowedException.Reason> findRefusal(String clusterId) {
    requireNonNull(clusterId, "clusterId == null");
    if (!managesMeetings.test(clusterId)) {
      return Optional.of(BlastDialNotAllowedException.Reason.CLUSTER_NOT_MANAGED);
    }
    if (monitoring().role() == MonitoringRole.OFF) {
      return Optional.of(BlastDialNotAllowedException.Reason.MONITORING_OFF);
    }
    return Optional.empty();
  }

  SpaceSetup setup(SpaceKey space) {
    requireNonNull(space, "space == null");
    return setups.computeIfAbsent(
        space,
        k -> store.findSpace(k)
            .orElseGet(() -> new SpaceSetup(k, BlastDialConfig.disabled(), List.of())));
  }

  void configure(SpaceKey space, BlastDialConfig config) {
    checkAllowed(space);
    save(new SpaceSetup(space, config, setup(space).contacts()));
  }

  Contact addContact(SpaceKey space, ContactDetails details) {
    requireNonNull(details, "details == null");
    checkAllowed(space);
    SpaceSetup s = setup(space);
    if (s.contacts().size() >= limits.maxContacts()) {
      throw new InvalidContactException(
          "The space already has " + s.contacts().size() + " contacts, the most allowed ("
              + limits.maxContacts() + "); delete a contact before adding another");
    }
    ContactDetails d = validate(details, s.contacts(), null);
    Contact c = new Contact(nextId(s.contacts()), d.name(), d.address(), d.promptRequired());
    List<Contact> contacts = new ArrayList<>(s.contacts());
    contacts.add(c);
    save(new SpaceSetup(space, s.config(), contacts));
    return c;
  }

  Contact updateContact(SpaceKey space, String contactId, ContactDetails details) {
    requireNonNull(contactId, "contactId == null");
    requireNonNull(details, "details == null");
    checkAllowed(space);
    SpaceSetup s = setup(space);
    int index = indexOf(s.contacts(), contactId);
    ContactDetails d = validate(details, s.contacts(), contactId);
    Contact c = new Contact(contactId, d.name(), d.address(), d.promptRequired());
    List<Contact> contacts = new ArrayList<>(s.contacts());
    contacts.set(index, c);
    save(new SpaceSetup(space, s.config(), contacts));
    return c;
  }

  void deleteContact(SpaceKey space, String contactId) {
    requireNonNull(contactId, "contactId == null");
    checkAllowed(space);
    SpaceSetup s = setup(space);
    List<Contact> contacts = new ArrayList<>(s.contacts());
    contacts.remove(indexOf(contacts, contactId));
    save(new SpaceSetup(space, s.config(), contacts));
  }

  List<Contact> uploadCsv(SpaceKey space, String fileName, byte[] content) {
    checkAllowed(space);
    List<ContactDetails> rows = ContactsCsv.parse(fileName, content, limits);
    SpaceSetup s = setup(space);
    List<Contact> contacts = new ArrayList<>(rows.size());
    for (ContactDetails d : rows) {
      contacts.add(
          new Contact("c" + (contacts.size() + 1), d.name(), d.address(), d.promptRequired()));
    }
    save(new SpaceSetup(space, s.config(), contacts));
    return List.copyOf(contacts);
  }

  byte[] downloadCsv(SpaceKey space) {
    return ContactsCsv.write(setup(space).contacts()).getBytes(StandardCharsets.UTF_8);
  }

  /**
   * {@return the backup section {@code blastdial.monitoring}: {@code role=} and {@code
   * secondaryDelay=} lines read from {@code current}, restored through {@code restore}}
   */
  static BackupSection monitoringBackup(
      Supplier<MonitoringSettings> current, Consumer<MonitoringSettings> restore) {
    return new BackupSection() {
      @Override
      public String name() {
        return "blastdial.monitoring";
      }

      @Override
      public BackupPart part() {
        return BackupPart.CONFIGURATION;
      }

      @Override
      public String export() {
        MonitoringSettings m = current.get();
        return "role=" + m.role().name() + "\nsecondaryDelay=" + m.secondaryDelay() + "\n";
      }

      @Override
      public void validate(String content) {
        parseMonitoring(content);
      }

      @Override
      public void restore(String content) {
        restore.accept(parseMonitoring(content));
      }
    };
  }

  private static MonitoringSettings parseMonitoring(String content) {
    Map<String, String> values = new HashMap<>();
    for (String line : content.split("\n")) {
      int eq = line.indexOf('=');
      if (eq > 0) {
        values.put(line.substring(0, eq).strip(), line.substring(eq + 1).strip());
      }
    }
    String role = values.get("role");
    String delay = values.get("secondaryDelay");
    if (role == null || delay == null) {
      throw new IllegalArgumentException("blast dial monitoring section needs role= and"
          + " secondaryDelay= lines; got '" + content + "'");
    }
    return new MonitoringSettings(MonitoringRole.valueOf(role), Duration.parse(delay));
  }

  private void save(SpaceSetup setup) {
    store.saveSpace(setup);
    setups.put(setup.space(), setup);
  }

  private void checkAllowed(SpaceKey space) {
    requireNonNull(space, "space == null");
    Optional<BlastDialNotAllowedException.Reason> refusal = findRefusal(space.clusterId());
    if (refusal.isPresent()) {
      throw new BlastDialNotAllowedException(refusal.get());
    }
  }

  private static ContactDetails validate(ContactDetails d, List<Contact> existing, String ownId) {
    String name = d.name().strip();
    String address = d.address().strip();
    Optional<ContactRules.Problem> bad =
        ContactRules.checkName(name).or(() -> ContactRules.checkAddress(address));
    if (bad.isPresent()) {
      throw new InvalidContactException("Contact not saved: " + bad.get().message());
    }
    String normalized = ContactRules.normalizeAddress(address);
    for (Contact c : existing) {
      if (!c.id().equals(ownId) && ContactRules.normalizeAddress(c.address()).equals(normalized)) {
        throw new InvalidContactException(
            "Contact not saved: the address '" + address + "' already belongs to contact '"
                + c.name() + "'; edit that contact instead");
      }
    }
    return new ContactDetails(name, address, d.promptRequired());
  }

  private static int indexOf(List<Contact> contacts, String contactId) {
    for (int i = 0; i < contacts.size(); i++) {
      if (contacts.get(i).id().equals(contactId)) {
        return i;
      }
    }
    throw new InvalidContactException(
        "No contact with id '" + contactId + "' in this space; list the contacts to get current ids");
  }

  private static String nextId(List<Contact> contacts) {
    long max = 0;
    for (Contact c : contacts) {
      if (c.id().startsWith("c")) {
        try {
          max = Math.max(max, Long.parseLong(c.id().substring(1)));
        } catch (NumberFormatException ignored) {
          // Ids not made by this class do not take part in numbering.
        }
      }
    }
    return "c" + (max + 1);
  }
}
