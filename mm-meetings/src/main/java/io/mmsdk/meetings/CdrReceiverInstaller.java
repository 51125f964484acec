package io.mmsdk.meetings;

import static java.util.Objects.requireNonNull;

import io.mmsdk.cdr.CdrHandler;
import io.mmsdk.cms.CmsClient;
import io.mmsdk.cms.CmsServiceException;
import io.mmsdk.cms.FailureReason;
import io.mmsdk.cms.api.CdrReceiver;
import io.mmsdk.cms.api.CdrReceiverParameters;
import io.mmsdk.cms.api.CdrReceivers;
import java.net.URI;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.stream.Collectors;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Registers this application's receiver URI on a Call Bridge ({@code /system/cdrReceivers}) and
 * removes it on request. The list of receivers is held per Call Bridge, so call {@link
 * #install(CmsClient)} for every Call Bridge of the cluster.
 *
 * <p>It is idempotent and polite: an entry with the same URI (the {@code token} parameter aside, so
 * a rotated token replaces our old entry) is ours and is reused or updated; entries of other tools
 * are never changed or removed; when every slot is taken it fails with {@link
 * CdrReceiverSlotsFullException} instead of evicting anyone. Thread-safe; the receiver URI, which
 * may hold a token, never appears in logs, messages or {@code toString()}.
 */
public final class CdrReceiverInstaller {
  private static final Logger log = LoggerFactory.getLogger(CdrReceiverInstaller.class);

  private final URI receiverUri;
  private final String identity;
  private final int maxReceivers;

  private CdrReceiverInstaller(Builder b) {
    this.receiverUri = b.receiverUri;
    this.identity = withoutToken(b.receiverUri.toString());
    this.maxReceivers = b.maxReceivers;
  }

  /**
   * {@return an installer for {@code receiverUri} (with its {@code cluster} tag and token)}
   *
   * @param receiverUri the full http or https receiver URI, for example {@code
   *     https://mm.example.com:8443/cdr?cluster=london&token=...}; not null
   */
  public static CdrReceiverInstaller create(URI receiverUri) {
    return builder().receiverUri(receiverUri).build();
  }

  /** {@return a builder} */
  public static Builder builder() {
    return new Builder();
  }

  /**
   * Makes sure the Call Bridge sends CDRs to the receiver URI.
   *
   * @param callBridge a client of the Call Bridge to configure; its {@code system/cdrReceivers} is
   *     read and written
   * @return what was done and the receiver entry's id
   * @throws CdrReceiverSlotsFullException if all slots hold other tools' receivers
   * @throws io.mmsdk.common.MmSdkException for API failures (see cms-api-client)
   */
  public Installation install(CmsClient callBridge) {
    requireNonNull(callBridge, "callBridge == null");
    CdrReceivers api = callBridge.api().cdrReceivers();
    List<CdrReceiver> receivers = api.list().stream().toList();
    for (CdrReceiver r : receivers) {
      String uri = uriOf(r);
      if (uri.equals(receiverUri.toString())) {
        return new Installation(r.id(), Installation.Action.ALREADY_PRESENT);
      }
      if (withoutToken(uri).equals(identity)) {
        api.update(r.id(), parameters());
        log.info("Updated our CDR receiver entry {} (new token)", r.id());
        return new Installation(r.id(), Installation.Action.UPDATED);
      }
    }
    if (receivers.size() >= maxReceivers) {
      throw full(receivers.size());
    }
    try {
      String id = api.create(parameters());
      log.info("Registered our CDR receiver as entry {}", id);
      return new Installation(id, Installation.Action.CREATED);
    } catch (CmsServiceException e) {
      if (e.findFailureReason().filter(f -> f == FailureReason.TOO_MANY_CDR_RECEIVERS).isPresent()) {
        throw full(receivers.size());
      }
      throw e;
    }
  }

  /**
   * Removes this receiver's entries (same URI, token aside) from the Call Bridge; other tools'
   * entries stay.
   *
   * @param callBridge a client of the Call Bridge to clean up
   * @return how many entries were removed
   */
  public int uninstall(CmsClient callBridge) {
    requireNonNull(callBridge, "callBridge == null");
    List<String> ours = new ArrayList<>();
    CdrReceivers api = callBridge.api().cdrReceivers();
    for (CdrReceiver r : api.list()) {
      if (withoutToken(uriOf(r)).equals(identity)) {
        ours.add(r.id());
      }
    }
    for (String id : ours) {
      api.delete(id);
      log.info("Removed our CDR receiver entry {}", id);
    }
    return ours.size();
  }

  /**
   * {@return the id of this receiver's entry on the Call Bridge, if registered}
   *
   * @param callBridge a client of the Call Bridge to look at; nothing is changed
   */
  public Optional<String> findInstallation(CmsClient callBridge) {
    requireNonNull(callBridge, "callBridge == null");
    return callBridge.api().cdrReceivers().list().stream()
        .filter(r -> withoutToken(uriOf(r)).equals(identity)).map(CdrReceiver::id).findFirst();
  }

  @Override
  public String toString() {
    return "CdrReceiverInstaller[" + redacted(receiverUri.toString()) + "]";
  }

  private CdrReceiverSlotsFullException full(int used) {
    return new CdrReceiverSlotsFullException(
        "all " + Math.max(used, maxReceivers) + " CDR receiver slots of the Call Bridge are used by"
            + " other tools; free one (Configuration > CDR settings or DELETE"
            + " /api/v1/system/cdrReceivers/<id>) and install again; no receiver was removed");
  }

  private CdrReceiverParameters parameters() {
    return CdrReceiverParameters.builder().uri(receiverUri.toString()).build();
  }

  private static String uriOf(CdrReceiver r) {
    return r.uri().orElse("").trim();
  }

  /** Drops the token parameter so entries match whatever token they carry. */
  static String withoutToken(String uri) {
    int q = uri.indexOf('?');
    if (q < 0) {
      return uri;
    }
    String kept = java.util.Arrays.stream(uri.substring(q + 1).split("&"))
        .filter(p -> !p.equals(CdrHandler.TOKEN_PARAMETER)
            && !p.startsWith(CdrHandler.TOKEN_PARAMETER + "="))
        .collect(Collectors.joining("&"));
    return uri.substring(0, q) + (kept.isEmpty() ? "" : "?" + kept);
  }

  private static String redacted(String uri) {
    String plain = withoutToken(uri);
    return plain.equals(uri) ? uri : plain + (plain.contains("?") ? "&" : "?") + "token=***";
  }

  /**
   * What {@link #install} did.
   *
   * @param receiverId the id of the {@code cdrReceiver} entry on the Call Bridge
   * @param action what changed
   */
  public record Installation(String receiverId, Action action) {
    /**
     * Checks the components.
     *
     * @param receiverId the id of the {@code cdrReceiver} entry on the Call Bridge
     * @param action what changed
     */
    public Installation {
      requireNonNull(receiverId, "receiverId == null");
      requireNonNull(action, "action == null");
    }

    /** What changed on the Call Bridge. */
    public enum Action {
      /** A new entry was added. */
      CREATED,
      /** Our entry existed with another token and was updated. */
      UPDATED,
      /** Our entry was already there; nothing changed. */
      ALREADY_PRESENT
    }
  }

  /** Builds a {@link CdrReceiverInstaller}. */
  public static final class Builder {
    private URI receiverUri;
    private int maxReceivers = 4;

    private Builder() {}

    /**
     * Sets the full receiver URI to register, for example {@code
     * https://mm.example.com:8443/cdr?cluster=london&token=...} (required).
     *
     * @param receiverUri the full receiver URI to register, for example {@code
     *     https://mm.example.com:8443/cdr?cluster=london&token=...} (required)
     * @return this builder
     */
    public Builder receiverUri(URI receiverUri) {
      requireNonNull(receiverUri, "receiverUri == null");
      String scheme = receiverUri.getScheme();
      if (!"http".equalsIgnoreCase(scheme) && !"https".equalsIgnoreCase(scheme)) {
        throw new IllegalArgumentException("receiverUri must be http or https, was "
            + redacted(receiverUri.toString()));
      }
      this.receiverUri = receiverUri;
      return this;
    }

    /**
     * Sets how many receivers a Call Bridge accepts (default 4, the CMS 2.x/3.x limit; Acano R1.8
     * had 2). The Call Bridge's own {@code tooManyCdrReceivers} refusal is honoured too.
     *
     * @param maxReceivers how many receivers a Call Bridge accepts (default 4, the CMS 2.x/3.x
     *     limit; Acano R1.8 had 2)
     * @return this builder
     */
    public Builder maxReceivers(int maxReceivers) {
      if (maxReceivers < 1) {
        throw new IllegalArgumentException("maxReceivers must be positive: " + maxReceivers);
      }
      this.maxReceivers = maxReceivers;
      return this;
    }

    /** {@return the installer} */
    public CdrReceiverInstaller build() {
      if (receiverUri == null) {
        throw new IllegalStateException("receiverUri is required");
      }
      return new CdrReceiverInstaller(this);
    }
  }
}
