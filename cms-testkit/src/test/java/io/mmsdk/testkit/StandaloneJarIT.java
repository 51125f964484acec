package io.mmsdk.testkit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import com.squareup.moshi.Moshi;
import com.squareup.moshi.Types;
import com.sun.net.httpserver.HttpServer;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import java.util.jar.JarFile;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import okhttp3.Credentials;
import okhttp3.MediaType;
import okhttp3.OkHttpClient;
import okhttp3.Request;
import okhttp3.RequestBody;
import okhttp3.Response;
import okhttp3.tls.Certificates;
import okhttp3.tls.HandshakeCertificates;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * Starts {@code cms-testkit-<version>-standalone.jar} as a separate process ({@code java} from
 * {@code java.home}) and runs the {@code curl} session of {@code docs/cms-testkit.md} against it,
 * over HTTP only: each {@code curl} line becomes the same request, and its {@code # =>} text must
 * appear in the output. Runs in {@code integration-test}, after {@code package} built the jar.
 */
class StandaloneJarIT {
  private static final Path GUIDE = Path.of("../docs/cms-testkit.md");
  private static final Pattern CAPTURE =
      Pattern.compile("^(\\w+)=\\$\\((curl .*) \\| jq -r \\.(\\w+)\\)$");
  private static final Pattern ASSIGNMENTS = Pattern.compile("^(\\w+=\\S+\\s*)+$");

  private final List<String> cdrBatches = new CopyOnWriteArrayList<>();
  private Process process;
  private HttpServer receiver;

  @AfterEach
  void stop() throws Exception {
    if (process != null && process.isAlive()) {
      process.destroy();
      if (!process.waitFor(30, TimeUnit.SECONDS)) {
        process.destroyForcibly();
      }
    }
    if (receiver != null) {
      receiver.stop(0);
    }
  }

  @Test
  @Timeout(value = 5, unit = TimeUnit.MINUTES)  // a bound for a hung process, not a timing assertion
  void guideSession_runsAgainstTheJarOverHttp() throws Exception {
    List<String> session = session();
    String javaLine = session.stream().filter(l -> l.startsWith("java -jar ")).findFirst()
        .orElseThrow(() -> new AssertionError("the session has no java -jar line"));

    Map<String, String> vars = new HashMap<>();
    List<String> printed = launch(javaLine);
    for (String line : printed) {
      if (line.startsWith("bridge cb")) {
        String name = line.substring("bridge ".length(), line.indexOf(':'));
        String url = line.substring(line.indexOf(": ") + 2);
        vars.put(name.toUpperCase(java.util.Locale.ROOT), url.replaceAll("/$", ""));
      } else if (line.startsWith("ca: ")) {
        vars.put("CA", line.substring(4));
      } else if (line.startsWith("control: ")) {
        vars.put("CONTROL", line.substring(9).replaceAll("/$", ""));
      }
    }
    assertTrue(vars.containsKey("CB1") && vars.containsKey("CB2") && vars.containsKey("CA")
        && vars.containsKey("CONTROL"), "printed: " + printed);
    assertTrue(printed.stream().anyMatch(l -> l.startsWith("credentials: admin password")));
    assertTrue(printed.stream().anyMatch(l -> l.startsWith("ldap: ldap://127.0.0.1:")));
    vars.put("RECEIVER", startReceiver());

    OkHttpClient http = client(Path.of(vars.get("CA")));
    int ran = 0;
    for (String line : session) {
      if (line.isBlank() || line.startsWith("#") || line.startsWith("java -jar ")
          || ASSIGNMENTS.matcher(line).matches()) {
        continue;
      }
      Matcher capture = CAPTURE.matcher(line);
      if (capture.matches()) {
        String out = curl(http, capture.group(2), vars);
        Object value = json(out).get(capture.group(3));
        assertTrue(value instanceof String, line + " gave " + out);
        vars.put(capture.group(1), (String) value);
      } else if (line.startsWith("curl ")) {
        int hash = line.indexOf("  # => ");
        assertTrue(hash > 0, "every curl line in the session states its output: " + line);
        String out = curl(http, line.substring(0, hash), vars);
        String expected = line.substring(hash + "  # => ".length());
        assertTrue(out.contains(expected), line + "\n  printed: " + out);
      } else {
        fail("the session has a line this test cannot run: " + line);
      }
      ran++;
    }
    assertTrue(ran >= 10, "ran " + ran + " commands");
    assertTrue(process.waitFor(60, TimeUnit.SECONDS), "POST /shutdown stops the process");
    assertEquals(0, process.exitValue());
    String cdrs = String.join("\n", cdrBatches);
    assertTrue(cdrs.contains("type=\"callLegStart\"") && cdrs.contains("type=\"callLegEnd\""),
        "the receiver got the join and the leave: " + cdrs);
  }

  /**
   * The jar carries mm-sdk's licence as {@code META-INF/LICENSE}, a {@code META-INF/NOTICE}, and a
   * {@code META-INF/THIRD-PARTY.txt} that names every bundled artifact with the version the build
   * resolved (the runtime dependency list the build wrote), so a new or upgraded dependency cannot
   * slip in unlisted.
   */
  @Test
  void jar_carriesTheLicenceNoticeAndEveryBundledArtifactInTheThirdPartyList() throws IOException {
    String property = System.getProperty("standalone.dependencies");
    assertTrue(property != null,
        "run through failsafe (mvn verify), which sets standalone.dependencies");
    List<String> bundled = new ArrayList<>();
    Matcher m = Pattern.compile("([\\w.-]+):([\\w.-]+):jar:([\\w.-]+):(compile|runtime)")
        .matcher(Files.readString(Path.of(property)));
    while (m.find()) {
      bundled.add(m.group(1) + ":" + m.group(2) + " " + m.group(3));
    }
    assertTrue(bundled.size() >= 10, "the dependency list names the bundled jars: " + bundled);
    try (JarFile jar = new JarFile(jar().toFile())) {
      String license = text(jar, "META-INF/LICENSE");
      assertEquals(Files.readString(Path.of("../LICENSE")), license,
          "META-INF/LICENSE is mm-sdk's");
      assertTrue(text(jar, "META-INF/NOTICE").contains("mm-sdk"));
      String thirdParty = text(jar, "META-INF/THIRD-PARTY.txt");
      for (String artifact : bundled) {
        assertTrue(thirdParty.contains(artifact + ": "),
            "META-INF/THIRD-PARTY.txt lists " + artifact);
      }
      assertFalse(thirdParty.contains("${"), "every version is filled in");
      assertTrue(thirdParty.contains("Permission is hereby granted"), "the MIT text of SLF4J");
      assertTrue(jar.getEntry("LICENSE-UnboundID-LDAPSDK.txt") != null,
          "UnboundID's licence files");
      assertTrue(jar.getEntry("META-INF/LICENSE.txt") == null,
          "no bundled licence posing as the jar's");
    }
  }

  private static String text(JarFile jar, String name) throws IOException {
    assertTrue(jar.getEntry(name) != null, "the jar has " + name);
    try (java.io.InputStream in = jar.getInputStream(jar.getEntry(name))) {
      return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    }
  }

  private static List<String> session() throws IOException {
    String guide = Files.readString(GUIDE);
    int start = guide.indexOf("<!-- standalone-session:start -->");
    int end = guide.indexOf("<!-- standalone-session:end -->");
    assertTrue(start > 0 && end > start, "docs/cms-testkit.md marks the standalone session");
    List<String> lines = new ArrayList<>();
    for (String line : guide.substring(start, end).split("\n")) {
      if (!line.startsWith("```") && !line.startsWith("<!--")) {
        lines.add(line.strip());
      }
    }
    return lines;
  }

  /** Starts the jar with the guide's arguments, on free ports and the test LDIF; returns its banner. */
  private List<String> launch(String javaLine) throws Exception {
    List<String> args = new ArrayList<>(List.of(javaLine.split(" +")));
    args.subList(0, 3).clear();  // java -jar <jar>
    int firstPort = twoFreePorts();
    args.set(args.indexOf("--port") + 1, String.valueOf(firstPort));
    args.set(args.indexOf("--ldif") + 1, Path.of("src/test/resources/people.ldif").toString());
    List<String> command = new ArrayList<>();
    command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
    command.add("-jar");
    command.add(jar().toString());
    command.addAll(args);
    process = new ProcessBuilder(command).redirectErrorStream(true).start();
    BufferedReader out = new BufferedReader(new InputStreamReader(process.getInputStream(),
        StandardCharsets.UTF_8));
    List<String> printed = new ArrayList<>();
    String line;
    while ((line = out.readLine()) != null) {
      printed.add(line);
      if (line.equals("ready")) {
        break;
      }
    }
    assertTrue(printed.contains("ready"), "the jar did not start: " + printed);
    assertTrue(printed.contains("bridge cb1: https://127.0.0.1:" + firstPort + "/api/v1/"),
        "bridge 1 listens on --port: " + printed);
    Thread drain = new Thread(() -> out.lines().forEach(l -> { }), "standalone-output");
    drain.setDaemon(true);
    drain.start();
    return printed;
  }

  private static Path jar() {
    String property = System.getProperty("standalone.jar");
    assertTrue(property != null, "run through failsafe (mvn verify), which sets standalone.jar");
    Path jar = Path.of(property);
    assertTrue(Files.isRegularFile(jar), jar + " was not built");
    return jar;
  }

  private static int twoFreePorts() throws IOException {
    for (int attempt = 0; attempt < 50; attempt++) {
      try (ServerSocket a = new ServerSocket(0)) {
        int port = a.getLocalPort();
        if (port < 65000) {
          try (ServerSocket b = new ServerSocket(port + 1)) {
            if (b.isBound()) {
              return port;
            }
          } catch (IOException taken) {
            // try another pair
          }
        }
      }
    }
    throw new IllegalStateException("no two consecutive free ports");
  }

  private String startReceiver() throws IOException {
    receiver = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
    receiver.createContext("/cdr", exchange -> {
      cdrBatches.add(new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8));
      exchange.sendResponseHeaders(200, -1);
      exchange.close();
    });
    receiver.start();
    return "http://127.0.0.1:" + receiver.getAddress().getPort() + "/cdr";
  }

  private static OkHttpClient client(Path caPem) throws IOException {
    HandshakeCertificates trust = new HandshakeCertificates.Builder()
        .addTrustedCertificate(Certificates.decodeCertificatePem(Files.readString(caPem)))
        .build();
    return new OkHttpClient.Builder()
        .sslSocketFactory(trust.sslSocketFactory(), trust.trustManager())
        .readTimeout(60, TimeUnit.SECONDS)
        .build();
  }

  /** Runs one curl command line (the options the guide uses) and returns what curl would print. */
  private static String curl(OkHttpClient http, String commandLine, Map<String, String> vars)
      throws IOException {
    List<String> words = shellWords(commandLine, vars);
    assertEquals("curl", words.get(0));
    String method = null;
    String url = null;
    String writeOut = null;
    List<String> data = new ArrayList<>();
    Request.Builder request = new Request.Builder();
    for (int i = 1; i < words.size(); i++) {
      String w = words.get(i);
      switch (w) {
        case "-s" -> { }
        case "-X" -> method = words.get(++i);
        case "-d" -> data.add(words.get(++i));
        case "-u" -> {
          String[] userPassword = words.get(++i).split(":", 2);
          request.header("Authorization", Credentials.basic(userPassword[0], userPassword[1]));
        }
        case "--cacert" -> assertEquals(vars.get("CA"), words.get(++i));
        case "-o" -> assertEquals("/dev/null", words.get(++i));
        case "-w" -> writeOut = words.get(++i);
        default -> {
          assertFalse(w.startsWith("-"), "curl option " + w + " is not supported here");
          url = w;
        }
      }
    }
    if (method == null) {
      method = data.isEmpty() ? "GET" : "POST";
    }
    RequestBody body = data.isEmpty() ? (method.equals("GET") ? null : RequestBody.create(new byte[0]))
        : RequestBody.create(String.join("&", data),
            MediaType.get("application/x-www-form-urlencoded"));
    try (Response r = http.newCall(request.url(url).method(method, body).build()).execute()) {
      String text = r.body().string();
      if (writeOut != null) {
        return writeOut.replace("%{http_code}", String.valueOf(r.code())).replace("\\n", "\n");
      }
      assertTrue(r.isSuccessful(), commandLine + " answered " + r.code() + ": " + text);
      return text;
    }
  }

  /** Splits like sh: single quotes literal, double quotes with $VAR and \" escapes. */
  private static List<String> shellWords(String line, Map<String, String> vars) {
    List<String> words = new ArrayList<>();
    StringBuilder word = null;
    for (int i = 0; i < line.length(); i++) {
      char c = line.charAt(i);
      if (c == ' ' && word != null) {
        words.add(word.toString());
        word = null;
        continue;
      }
      if (c == ' ') {
        continue;
      }
      if (word == null) {
        word = new StringBuilder();
      }
      if (c == '\'') {
        int close = line.indexOf('\'', i + 1);
        word.append(line, i + 1, close);
        i = close;
      } else if (c == '"') {
        i++;
        while (line.charAt(i) != '"') {
          if (line.charAt(i) == '\\' && (line.charAt(i + 1) == '"' || line.charAt(i + 1) == '\\')) {
            word.append(line.charAt(++i));
            i++;
          } else if (line.charAt(i) == '$') {
            i = variable(line, i, vars, word);
          } else {
            word.append(line.charAt(i++));
          }
        }
      } else if (c == '$') {
        i = variable(line, i, vars, word) - 1;
      } else {
        word.append(c);
      }
    }
    if (word != null) {
      words.add(word.toString());
    }
    return words;
  }

  private static int variable(String line, int dollar, Map<String, String> vars, StringBuilder out) {
    int end = dollar + 1;
    while (end < line.length() && (Character.isLetterOrDigit(line.charAt(end))
        || line.charAt(end) == '_')) {
      end++;
    }
    String name = line.substring(dollar + 1, end);
    assertTrue(vars.containsKey(name), "the session uses $" + name + " before it is set");
    out.append(vars.get(name));
    return end;
  }

  private static Map<String, Object> json(String text) throws IOException {
    return new Moshi.Builder().build().<Map<String, Object>>adapter(
        Types.newParameterizedType(Map.class, String.class, Object.class)).fromJson(text);
  }
}
