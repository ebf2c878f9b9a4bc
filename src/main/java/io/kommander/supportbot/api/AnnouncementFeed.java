package io.kommander.supportbot.api;

import io.kommander.supportbot.announce.Announcement;
import io.kommander.supportbot.announce.AnnouncementMessages;
import io.kommander.supportbot.announce.AnnouncementPlanner;
import io.kommander.supportbot.announce.AnnouncementSettings;
import io.kommander.supportbot.policy.SupportEnd;
import io.kommander.supportbot.policy.SupportPolicy;
import java.io.StringWriter;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import javax.xml.stream.XMLOutputFactory;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamWriter;

/**
 * {@code /api/v1/announcements.atom}: what the announcement scheduler posts to Slack, as an Atom
 * feed (RFC 4287) for feed readers and Slack's RSS app. An entry appears when its post is due; its
 * id is the post's ledger key, so readers never show one twice.
 */
final class AnnouncementFeed {
  /** How far back the feed reaches. */
  static final Duration HISTORY = Duration.ofDays(365);

  private static final String ATOM = "http://www.w3.org/2005/Atom";

  private AnnouncementFeed() {}

  /** The posts due in the last year up to {@code now}, newest first. */
  static List<Announcement> published(
      SupportPolicy policy, AnnouncementSettings settings, Instant now) {
    Instant oldest = now.minus(HISTORY);
    List<Announcement> out = new ArrayList<>();
    AnnouncementPlanner planner = new AnnouncementPlanner(settings);
    for (SupportEnd end : policy.endingsFrom(LocalDate.MIN)) {
      planner.posts(end).stream()
          .filter(a -> !a.due().isAfter(now) && !a.due().isBefore(oldest))
          .forEach(out::add);
    }
    out.sort(Comparator.comparing(Announcement::due).reversed());
    return out;
  }

  static String write(
      SupportPolicy policy, AnnouncementSettings settings, Instant now, String selfUrl) {
    List<Announcement> entries = published(policy, settings, now);
    StringWriter text = new StringWriter();
    try {
      XMLStreamWriter xml = XMLOutputFactory.newFactory().createXMLStreamWriter(text);
      xml.writeStartDocument("UTF-8", "1.0");
      xml.writeStartElement("feed");
      xml.writeDefaultNamespace(ATOM);
      element(xml, "id", "tag:" + SupportCalendar.DOMAIN + ",2021:announcements");
      element(xml, "title", "Kommander, DKP and NKP end-of-support announcements");
      element(xml, "updated", (entries.isEmpty() ? now : entries.get(0).due()).toString());
      xml.writeStartElement("author");
      element(xml, "name", SupportCalendar.DOMAIN);
      xml.writeEndElement();
      xml.writeEmptyElement("link");
      xml.writeAttribute("rel", "self");
      xml.writeAttribute("href", selfUrl);
      for (Announcement a : entries) {
        String message = AnnouncementMessages.render(a, policy, false).text();
        xml.writeStartElement("entry");
        element(xml, "id", "tag:" + SupportCalendar.DOMAIN + ",2021:" + a.key("feed"));
        element(xml, "title", message.lines().findFirst().orElse(""));
        element(xml, "updated", a.due().toString());
        element(xml, "published", a.due().toString());
        xml.writeStartElement("content");
        xml.writeAttribute("type", "text");
        xml.writeCharacters(message);
        xml.writeEndElement();
        xml.writeEndElement();
      }
      xml.writeEndElement();
      xml.writeEndDocument();
      xml.close();
    } catch (XMLStreamException e) {
      throw new IllegalStateException("writing to a string cannot fail", e);
    }
    return text.toString();
  }

  private static void element(XMLStreamWriter xml, String name, String value)
      throws XMLStreamException {
    xml.writeStartElement(name);
    xml.writeCharacters(value);
    xml.writeEndElement();
  }
}
