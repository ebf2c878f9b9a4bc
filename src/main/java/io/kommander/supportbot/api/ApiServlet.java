package io.kommander.supportbot.api;

import io.kommander.supportbot.announce.AnnouncementSettings;
import io.kommander.supportbot.http.Revalidation;
import io.kommander.supportbot.json.Json;
import io.kommander.supportbot.policy.PolicyService;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.Arrays;
import java.util.Map;
import java.util.Optional;
import java.util.function.Supplier;

/**
 * The policy service's REST API under {@code /api/v1} (see {@code openapi.yaml}): finds the
 * resource ({@link ApiResources}), and answers with a weak ETag of what the answer depends on (the
 * catalog and upstream evidence, and the day), so clients can poll with {@code If-None-Match}.
 */
public final class ApiServlet extends HttpServlet {
  private final transient Supplier<PolicyService> policy;
  private final transient Map<String, ApiResources.Resource> resources;
  private final transient Optional<String> publicUrl;

  /**
   * @param announcements when the scheduler posts, for the Atom feed of its posts
   * @param publicUrl {@code PUBLIC_URL}, for absolute links (relative ones without it): never the
   *     request's {@code Host}, which whoever sends the request chooses
   */
  public ApiServlet(
      Supplier<PolicyService> policy,
      AnnouncementSettings announcements,
      Optional<String> publicUrl) {
    this.policy = policy;
    this.resources = ApiResources.all(announcements);
    this.publicUrl = publicUrl;
  }

  @Override
  protected void doGet(HttpServletRequest req, HttpServletResponse resp) throws IOException {
    String path = req.getPathInfo() == null ? "/" : req.getPathInfo();
    if (path.equals("/openapi.yaml")) {
      openApi(req, resp);
      return;
    }
    String[] parts = path.substring(1).split("/", -1);
    try {
      ApiResources.Resource resource = resources.get(parts[0]);
      if (resource == null) {
        throw new ApiError(
            404, "not_found", "No such endpoint: /api/v1" + path + "; see /api/v1/openapi.yaml");
      }
      ApiRequest request = ApiRequest.of(req, policy.get(), parts, publicUrl);
      PolicyService service = request.service();
      // The catalog itself does not change with the day; answers do.
      String etag =
          "W/\""
              + (parts[0].equals("catalog")
                  ? service.catalog().version()
                  : service.revision() + "-" + request.asOf())
              + "\"";
      if (Revalidation.notModified(req, resp, etag)) {
        return;
      }
      Object body = resource.get(request);
      if (body instanceof ApiResources.Raw raw) {
        write(resp, 200, raw.contentType(), raw.body());
      } else {
        write(resp, 200, JSON, Json.write(body));
      }
    } catch (ApiError e) {
      write(resp, e.status, JSON, Json.write(new ApiError.Body(e.code, e.getMessage())));
    }
  }

  private static final String JSON = "application/json;charset=utf-8";

  private static void openApi(HttpServletRequest req, HttpServletResponse resp) throws IOException {
    if (Revalidation.notModified(req, resp, OPENAPI_ETAG)) {
      return;
    }
    resp.setContentType("application/yaml");
    resp.setStatus(200);
    resp.getOutputStream().write(OPENAPI);
  }

  private static final byte[] OPENAPI = readOpenApi();

  /** The document's own fingerprint: it changes only with a new build. */
  private static final String OPENAPI_ETAG =
      "W/\"" + Integer.toHexString(Arrays.hashCode(OPENAPI)) + "\"";

  private static byte[] readOpenApi() {
    try (InputStream in = ApiServlet.class.getResourceAsStream("/openapi.yaml")) {
      return in.readAllBytes();
    } catch (IOException e) {
      throw new UncheckedIOException("openapi.yaml is in the jar", e);
    }
  }

  private static void write(HttpServletResponse resp, int status, String type, String body)
      throws IOException {
    resp.setStatus(status);
    resp.setContentType(type);
    resp.getWriter().write(body);
  }
}
