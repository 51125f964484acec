package io.mmsdk.cms;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.mmsdk.cms.core.CmsObject;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class XmlHardeningTest extends MockCms {
  @Test
  void get_externalEntity_rejectedAndFileNeverRead(@TempDir Path dir) throws Exception {
    Path secret = dir.resolve("secret.txt");
    Files.writeString(secret, "TOP-SECRET");
    server.enqueue(MockCms.xml("<?xml version=\"1.0\"?>\n<!DOCTYPE coSpace [<!ENTITY xxe SYSTEM \""
        + secret.toUri() + "\">]>\n<coSpace id=\"a\"><name>&xxe;</name></coSpace>"));

    CmsParseException e = assertThrows(CmsParseException.class, () -> cms.coSpaces().get("a"));

    assertTrue(e.getMessage().contains("DTD"), e.getMessage());
    assertFalse(e.getMessage().contains("TOP-SECRET"));
  }

  @Test
  void get_entityExpansion_rejected() {
    server.enqueue(MockCms.xml("<?xml version=\"1.0\"?><!DOCTYPE lolz [<!ENTITY lol \"lol\">"
        + "<!ENTITY lol2 \"&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;\">]><coSpace id=\"a\"><name>&lol2;</name></coSpace>"));

    assertThrows(CmsParseException.class, () -> cms.coSpaces().get("a"));
  }

  @Test
  void errorBody_withDtd_doesNotLeakAndStillMapsStatus() {
    server.enqueue(MockCms.status(400, "<!DOCTYPE failureDetails [<!ENTITY x SYSTEM \"file:///etc/passwd\">]>"
        + "<failureDetails><x>&x;</x></failureDetails>"));

    CmsServiceException e = assertThrows(CmsServiceException.class, () -> cms.coSpaces().delete("a"));

    assertEquals(400, e.status());
    assertEquals(null, e.rawFailureReason());
  }

  @Test
  void get_predefinedEntitiesAndCdata_decoded() {
    server.enqueue(MockCms.xml("<coSpace id=\"a\"><name>R&amp;D &lt;team&gt;</name><cdrTag><![CDATA[a=1&b=2]]></cdrTag>"
        + "<rxVideo role=\"main\"><codec>h264</codec></rxVideo><rxVideo role=\"presentation\"><codec>h265</codec></rxVideo></coSpace>"));

    CmsObject space = cms.coSpaces().get("a");

    assertEquals("R&D <team>", space.find(CmsFields.NAME).orElseThrow());
    assertEquals("a=1&b=2", space.find(CmsFields.CDR_TAG).orElseThrow());
    assertEquals("h264", space.findText("rxVideo/codec").orElseThrow());
    assertEquals("h265", space.findText("rxVideo[2]/codec").orElseThrow());
    assertEquals("presentation", space.element().children().get(3).findAttribute("role").orElseThrow());
  }
}
