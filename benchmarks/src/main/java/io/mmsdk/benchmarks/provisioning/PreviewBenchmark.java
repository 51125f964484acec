package io.mmsdk.benchmarks.provisioning;

import com.unboundid.ldap.listener.InMemoryDirectoryServer;
import com.unboundid.ldap.listener.InMemoryDirectoryServerConfig;
import com.unboundid.ldap.sdk.Entry;
import io.mmsdk.provisioning.AutoSpaceRule;
import io.mmsdk.provisioning.DesiredState;
import io.mmsdk.provisioning.LdapPreview;
import io.mmsdk.provisioning.LdapProtocol;
import io.mmsdk.provisioning.LdapServer;
import io.mmsdk.provisioning.PreviewReport;
import io.mmsdk.provisioning.Role;
import io.mmsdk.provisioning.RoleDistinction;
import io.mmsdk.provisioning.SpaceTemplate;
import io.mmsdk.provisioning.UserImport;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;

/**
 * Previews a sync of 100,000 directory entries held by an UnboundID in-memory directory: filter,
 * mappings incl. regex transforms, a space per user with two role URIs, clash detection and license
 * counting. Target: at most 5 s.
 *
 * <p>Note: UnboundID's in-memory server evaluates the whole search again for every page, so the paged
 * variant (1,000 per page, 90 pages) measures mostly the test directory, not the preview; the unpaged
 * variant measures the preview's own cost.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.SingleShotTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
public class PreviewBenchmark {

  private static final int ENTRIES = 100_000;

  private InMemoryDirectoryServer ds;
  private LdapPreview preview;
  private DesiredState state;
  private DesiredState unpaged;

  /** Loads the directory. */
  @Setup
  public void setUp() throws Exception {
    InMemoryDirectoryServerConfig config = new InMemoryDirectoryServerConfig("dc=example,dc=com");
    config.setSchema(null);
    ds = new InMemoryDirectoryServer(config);
    ds.add("dn: dc=example,dc=com", "objectClass: domain", "dc: example");
    ds.add("dn: ou=people,dc=example,dc=com", "objectClass: organizationalUnit", "ou: people");
    for (int i = 0; i < ENTRIES; i++) {
      Entry e = new Entry("uid=user" + i + ",ou=people,dc=example,dc=com");
      e.addAttribute("objectClass", "person");
      e.addAttribute("uid", "user" + i);
      e.addAttribute("cn", "User Number " + i);
      e.addAttribute("mail", "user" + i + "@Example.com");
      e.addAttribute("telephoneNumber", "+47 22 " + (1_000_000 + i));
      e.addAttribute("employeeType", i % 10 == 0 ? "contractor" : "staff");
      ds.add(e);
    }
    state = DesiredState.builder()
        .addLdapServer(LdapServer.builder().name("corp").protocol(LdapProtocol.LDAP).address("localhost")
            .build())
        .addUserImport(UserImport.builder().name("staff").server("corp").baseDn("ou=people,dc=example,dc=com")
            .filter("(&(objectClass=person)(employeeType=staff))").loginNameMapping("$uid$@example.com")
            .displayNameMapping("$cn$").assignPmpPlus(true).build())
        .addAutoSpaceRule(AutoSpaceRule.builder().userImport("staff").spaceNameMapping("$cn$'s space")
            .uriUserPartMapping("$mail|'/@.*//'$.space")
            .callIdMapping("$telephoneNumber|'/.*([[:digit:]]{7})$/\\1/'$").template("Meeting").build())
        .addSpaceTemplate(SpaceTemplate.builder().name("Meeting").roleDistinction(RoleDistinction.UNIQUE_URI)
            .addRole(Role.builder().name("Host").uriGenerator("$.host").activator(true).build())
            .addRole(Role.builder().name("Guest").uriGenerator("$.guest").build()).build())
        .build();
    LdapServer noPaging = LdapServer.builder().name("corp").protocol(LdapProtocol.LDAP).address("localhost")
        .pagedResults(false).build();
    unpaged = new DesiredState(java.util.List.of(noPaging), state.userImports(), state.autoSpaceRules(),
        state.spaceCreationRules(), state.spaceTemplates(), null);
    preview = LdapPreview.builder().directories(server -> ds).build();
  }

  /** Stops the directory. */
  @TearDown
  public void tearDown() {
    ds.shutDown(true);
  }

  /** One full preview of 90,000 matching entries out of 100,000, paged 1,000 at a time. */
  @Benchmark
  public PreviewReport preview100k() {
    return check(preview.run(state));
  }

  /** The same preview in one search (paged results off, as for Oracle Internet Directory). */
  @Benchmark
  public PreviewReport preview100kUnpaged() {
    return check(preview.run(unpaged));
  }

  private static PreviewReport check(PreviewReport r) {
    if (r.users().size() != 90_000 || r.hasClashes()) {
      throw new IllegalStateException("unexpected preview: " + r.renderText());
    }
    return r;
  }
}
