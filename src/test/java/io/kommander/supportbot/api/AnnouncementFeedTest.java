package io.kommander.supportbot.api;

import static org.assertj.core.api.Assertions.assertThat;

import io.kommander.supportbot.TestCatalogs;
import io.kommander.supportbot.announce.AnnouncementFixture;
import io.kommander.supportbot.announce.AnnouncementSettings;
import io.kommander.supportbot.policy.SupportPolicy;
import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import javax.xml.parsers.DocumentBuilderFactory;
import org.junit.jupiter.api.Test;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.NodeList;

/** The Atom feed of announcements, parsed as XML with the Atom namespace. */
class AnnouncementFeedTest {
  static final AnnouncementSettings SETTINGS = AnnouncementFixture.settings();
  static final SupportPolicy POLICY = new SupportPolicy(TestCatalogs.withPlanned());

  static Document parse(String xml) throws Exception {
    DocumentBuilderFactory f = DocumentBuilderFactory.newInstance();
    f.setNamespaceAware(true);
    return f.newDocumentBuilder()
        .parse(new ByteArrayInputStream(xml.getBytes(StandardCharsets.UTF_8)));
  }

  static List<String> texts(Document doc, String element) {
    NodeList nodes = doc.getElementsByTagNameNS("http://www.w3.org/2005/Atom", element);
    List<String> out = new ArrayList<>();
    for (int i = 0; i < nodes.getLength(); i++) {
      if (((Element) nodes.item(i)).getParentNode().getLocalName().equals("entry")) {
        out.add(nodes.item(i).getTextContent());
      }
    }
    return out;
  }

  @Test
  void entriesAreThePostsDueSoFarNewestFirstWithStableIds() throws Exception {
    Instant now = Instant.parse("2027-01-15T10:00:00Z"); // the day NKP 2.18 is planned
    Document feed =
        parse(AnnouncementFeed.write(POLICY, SETTINGS, now, "http://x/api/v1/announcements.atom"));
    List<String> titles = texts(feed, "title");
    assertThat(titles.get(0)).isEqualTo("NKP 2.18 is out: support for NKP 2.15.x has ended.");
    assertThat(titles.get(1))
        .isEqualTo(
            "Support for NKP 2.15.x ends in 7 days, on 2027-01-15, when NKP 2.18 is planned to"
                + " ship.");
    assertThat(texts(feed, "id").get(0))
        .isEqualTo("tag:kommander-support-bot,2021:ended:kommander-2.15:feed:2027-01-15");
    assertThat(texts(feed, "updated").get(0)).isEqualTo("2027-01-15T09:00:00Z");
    // A year back reaches 2026-01-15: the 2.14 posts of December 2025 are out of reach.
    assertThat(titles).hasSize(3);
    assertThat(texts(feed, "updated")).allMatch(u -> Instant.parse(u).compareTo(now) <= 0);
    assertThat(titles).doesNotHaveDuplicates();
  }

  @Test
  void aQuietYearIsAnEmptyButValidFeed() throws Exception {
    Document feed =
        parse(
            AnnouncementFeed.write(
                POLICY, SETTINGS, Instant.parse("2026-11-25T10:00:00Z"), "http://x/feed"));
    // Only the 7-day warning (2025-12-16) and the day-of post (2025-12-23) for NKP 2.14 are
    // within the last year; its 30-day warning (2025-11-23) is older.
    assertThat(texts(feed, "title"))
        .containsExactly(
            "NKP 2.17 is out: support for NKP 2.14.x has ended.",
            "Support for NKP 2.14.x ends in 7 days, on 2025-12-23, when NKP 2.17 ships.");
    assertThat(feed.getDocumentElement().getLocalName()).isEqualTo("feed");
  }
}
