package io.kommander.supportbot.http;

import io.kommander.supportbot.metrics.BotMetrics;
import io.micrometer.core.instrument.Tags;
import io.micrometer.core.instrument.binder.jetty.JettyConnectionMetrics;
import io.micrometer.core.instrument.binder.jetty.JettyServerThreadPoolMetrics;
import jakarta.servlet.DispatcherType;
import jakarta.servlet.http.HttpServlet;
import java.util.EnumSet;
import java.util.Map;
import org.eclipse.jetty.ee10.servlet.FilterHolder;
import org.eclipse.jetty.ee10.servlet.ServletContextHandler;
import org.eclipse.jetty.ee10.servlet.ServletHolder;
import org.eclipse.jetty.server.HttpConfiguration;
import org.eclipse.jetty.server.HttpConnectionFactory;
import org.eclipse.jetty.server.Server;
import org.eclipse.jetty.server.ServerConnector;
import org.eclipse.jetty.server.handler.GracefulHandler;
import org.eclipse.jetty.util.thread.QueuedThreadPool;

/**
 * The one Jetty server: Slack's endpoint, health, metrics and local endpoints side by side. Starts
 * without blocking; stops gracefully, letting in-flight requests finish.
 */
public final class BotServer implements AutoCloseable {
  private static final long STOP_TIMEOUT_MS = 10_000;

  /**
   * Request threads, selectors and acceptors included. Bounded well below Jetty's 200: on one or
   * two cores more threads only add memory, and a burst queues instead of growing the pool.
   * Mentions block on one Web API call each, so 64 still carries hundreds a second.
   */
  public static final int MAX_THREADS = 64;

  /**
   * Connections the kernel may hold for us before we accept them. Java's default of 50 overflows in
   * a burst and resets connections (BurstTest); the kernel caps it at somaxconn.
   */
  static final int ACCEPT_QUEUE = 1024;

  /**
   * An idle connection is closed after this. Slack and the load balancer send whole requests at
   * once; a client that opens a connection and says nothing holds a socket (not a thread) this
   * long.
   */
  static final long IDLE_TIMEOUT_MS = 15_000;

  /**
   * The request line and headers together, at most (Jetty's default, made explicit): a longer URL
   * is a 414. A connection may hold this much while its request line arrives, so it is what 1,000
   * slow connections cost (8 MB), not the 40,000 characters the parser reads from Slack and the
   * CLI; a paste longer than the URL allows goes there.
   */
  public static final int MAX_URL_BYTES = 8 * 1024;

  /** The pool's thread names start with this, so thread dumps and tests can tell them apart. */
  public static final String THREAD_NAME = "http";

  private final Server server;
  private final ServerConnector connector;

  /**
   * @param port 0 picks a free port
   * @param servlets path to servlet, e.g. {@code /healthz}
   */
  public BotServer(String host, int port, Map<String, HttpServlet> servlets) {
    QueuedThreadPool threads = new QueuedThreadPool(MAX_THREADS, 8);
    threads.setName(THREAD_NAME);
    server = new Server(threads);
    HttpConfiguration http = new HttpConfiguration();
    http.setSendServerVersion(false); // no version for an outsider to look up
    http.setIdleTimeout(IDLE_TIMEOUT_MS);
    http.setRequestHeaderSize(MAX_URL_BYTES);
    connector = new ServerConnector(server, new HttpConnectionFactory(http));
    connector.setIdleTimeout(IDLE_TIMEOUT_MS);
    connector.setHost(host);
    connector.setPort(port);
    connector.setAcceptQueueSize(ACCEPT_QUEUE);
    server.addConnector(connector);
    ServletContextHandler context = new ServletContextHandler();
    servlets.forEach(
        (path, servlet) -> {
          ServletHolder holder = new ServletHolder(servlet);
          holder.setAsyncSupported(true); // the Slack endpoint reads bodies without a thread
          context.addServlet(holder, path);
        });
    FilterHolder timer = new FilterHolder(new RouteMetricsFilter(servlets.keySet()));
    timer.setAsyncSupported(true);
    context.addFilter(timer, "/*", EnumSet.of(DispatcherType.REQUEST));
    FilterHolder edge = new FilterHolder(new EdgeFilter());
    edge.setAsyncSupported(true);
    context.addFilter(edge, "/*", EnumSet.of(DispatcherType.REQUEST));
    QuietErrorHandler errors = new QuietErrorHandler();
    context.setErrorHandler(errors);
    server.setErrorHandler(errors);
    // Stop refuses new requests and waits for those in flight, up to the stop timeout.
    server.setHandler(new GracefulHandler(context));
    server.setStopTimeout(STOP_TIMEOUT_MS);
    server.setStopAtShutdown(false);
  }

  public BotServer start() throws Exception {
    server.start();
    // jetty_threads_* (busy, idle, queued jobs) and jetty_connections_* for this server.
    BotMetrics.measure(
        "jetty",
        registry -> {
          new JettyServerThreadPoolMetrics(server.getThreadPool(), Tags.empty()).bindTo(registry);
          JettyConnectionMetrics.addToAllConnectors(server, registry);
        });
    return this;
  }

  public int port() {
    return connector.getLocalPort();
  }

  public void join() throws InterruptedException {
    server.join();
  }

  /** Stops accepting, lets in-flight requests finish (up to the stop timeout), then stops. */
  @Override
  public void close() {
    try {
      server.stop();
    } catch (Exception e) {
      throw new IllegalStateException("Jetty did not stop cleanly: " + e.getMessage(), e);
    }
  }
}
