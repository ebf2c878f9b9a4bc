package io.kommander.supportbot.http;

import io.micrometer.core.instrument.Metrics;
import io.micrometer.core.instrument.Timer;
import jakarta.servlet.AsyncContext;
import jakarta.servlet.AsyncEvent;
import jakarta.servlet.AsyncListener;
import jakarta.servlet.Filter;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.ServletRequest;
import jakarta.servlet.ServletResponse;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletRequestWrapper;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Times every request as {@code http_server_requests_seconds} by route (the servlet's mapping,
 * never the raw path: an outsider's made-up paths must not create a series each), method and
 * status. A request finished asynchronously (the Slack endpoint) is timed when it completes.
 */
final class RouteMetricsFilter implements Filter {
  private final Set<String> routes;

  /**
   * @param routes the servlet mappings, e.g. {@code /healthz} and {@code /api/v1/*}
   */
  RouteMetricsFilter(Set<String> routes) {
    this.routes = Set.copyOf(routes);
  }

  @Override
  public void doFilter(ServletRequest request, ServletResponse response, FilterChain chain)
      throws IOException, ServletException {
    HttpServletRequest req = (HttpServletRequest) request;
    HttpServletResponse resp = (HttpServletResponse) response;
    Timer.Sample sample = Timer.start();
    String route = route(req); // now: Jetty clears the servlet path once the dispatch returns
    // Listens from the moment async starts: an async request may complete before doFilter returns.
    HttpServletRequest timed =
        new HttpServletRequestWrapper(req) {
          @Override
          public AsyncContext startAsync() {
            AsyncContext async = super.startAsync();
            async.addListener(new Completion(sample, route, req.getMethod(), resp));
            return async;
          }
        };
    try {
      chain.doFilter(timed, response);
    } finally {
      if (!req.isAsyncStarted()) {
        record(sample, route, req.getMethod(), resp.getStatus());
      }
    }
  }

  /** One timer per route, method and status, found again without building its id each time. */
  private record Series(String route, String method, int status) {}

  private static final Map<Series, Timer> TIMERS = new ConcurrentHashMap<>();

  private static void record(Timer.Sample sample, String route, String method, int status) {
    sample.stop(
        TIMERS.computeIfAbsent(
            new Series(route, method(method), status),
            s ->
                Timer.builder("http.server.requests")
                    .description("Requests to the bot's HTTP endpoints")
                    .tag("route", s.route())
                    .tag("method", s.method())
                    .tag("status", String.valueOf(s.status()))
                    .register(Metrics.globalRegistry)));
  }

  /** The mapping that served it: "/api/v1/*" for "/api/v1/lines", "/" for anything unmapped. */
  String route(HttpServletRequest req) {
    String servletPath = String.valueOf(req.getServletPath());
    if (req.getPathInfo() != null && routes.contains(servletPath + "/*")) {
      return servletPath + "/*";
    }
    return routes.contains(servletPath) ? servletPath : "/";
  }

  private static String method(String method) {
    return switch (method) {
      case "GET", "HEAD", "POST", "PUT", "DELETE", "OPTIONS", "PATCH" -> method;
      default -> "OTHER";
    };
  }

  private static final class Completion implements AsyncListener {
    private final Timer.Sample sample;
    private final String route;
    private final String method;
    private final HttpServletResponse resp;

    Completion(Timer.Sample sample, String route, String method, HttpServletResponse resp) {
      this.sample = sample;
      this.route = route;
      this.method = method;
      this.resp = resp;
    }

    @Override
    public void onComplete(AsyncEvent event) {
      record(sample, route, method, resp.getStatus());
    }

    @Override
    public void onTimeout(AsyncEvent event) {
      // onComplete follows
    }

    @Override
    public void onError(AsyncEvent event) {
      // onComplete follows
    }

    @Override
    public void onStartAsync(AsyncEvent event) {
      event.getAsyncContext().addListener(this);
    }
  }
}
