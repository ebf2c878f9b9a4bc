package io.kommander.supportbot.web;

import io.kommander.supportbot.policy.PolicyService;
import jakarta.servlet.http.HttpServlet;
import java.util.Map;
import java.util.function.Supplier;

/** The support page and its timeline images, by path, sharing one store of drawn images. */
public final class SupportSite {
  private SupportSite() {}

  /**
   * {@code /} (the page, and {@code /nkp/2.15} and the like), {@code /timeline.svg}, {@code .png}.
   */
  public static Map<String, HttpServlet> servlets(Supplier<PolicyService> policy) {
    TimelineImages images = new TimelineImages();
    TimelineServlet timeline = new TimelineServlet(policy, images);
    return Map.of(
        "/", new SupportPageServlet(policy, images),
        "/timeline.svg", timeline,
        "/timeline.png", timeline);
  }
}
