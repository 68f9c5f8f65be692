package io.eurus.ingest.fetch;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.Proxy;
import java.net.ProxySelector;
import java.net.SocketAddress;
import java.net.URI;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The proxy from the environment variables every Unix tool reads: {@code https_proxy} / {@code HTTPS_PROXY}
 * for https, {@code http_proxy} / {@code HTTP_PROXY} for http, and {@code no_proxy} / {@code NO_PROXY}
 * (comma-separated host names or domain suffixes, {@code *} for all) for the exceptions. Lower case wins, as
 * with curl. Proxy credentials in the URL are not supported: the JDK's client needs an Authenticator.
 */
public final class EnvProxySelector extends ProxySelector {

  private final Proxy http;
  private final Proxy https;
  private final List<String> noProxy;

  private EnvProxySelector(Proxy http, Proxy https, List<String> noProxy) {
    this.http = http;
    this.https = https;
    this.noProxy = noProxy;
  }

  /** The selector for {@code env}; {@link Proxy#NO_PROXY} everywhere when no proxy variable is set. */
  public static EnvProxySelector fromEnvironment(Map<String, String> env) {
    String noProxy = first(env, "no_proxy", "NO_PROXY");
    return new EnvProxySelector(proxy(first(env, "http_proxy", "HTTP_PROXY")), proxy(first(env, "https_proxy", "HTTPS_PROXY")),
        noProxy == null ? List.of() : Arrays.stream(noProxy.split(","))
            .map(String::trim).filter(s -> !s.isEmpty()).map(s -> s.toLowerCase(Locale.ROOT)).toList());
  }

  @Override
  public List<Proxy> select(URI uri) {
    Proxy proxy = "https".equalsIgnoreCase(uri.getScheme()) ? https : http;
    if (proxy == Proxy.NO_PROXY || excluded(uri.getHost())) {
      return List.of(Proxy.NO_PROXY);
    }
    return List.of(proxy);
  }

  private boolean excluded(String host) {
    if (host == null) {
      return true;
    }
    String h = host.toLowerCase(Locale.ROOT);
    for (String rule : noProxy) {
      String domain = rule.startsWith(".") ? rule.substring(1) : rule;
      if (rule.equals("*") || h.equals(domain) || h.endsWith("." + domain)) {
        return true;
      }
    }
    return false;
  }

  @Override
  public void connectFailed(URI uri, SocketAddress address, IOException e) {
    // The fetch reports the failure with its reason; there is no other proxy to fall back to.
  }

  private static Proxy proxy(String url) {
    if (url == null || url.isBlank()) {
      return Proxy.NO_PROXY;
    }
    URI uri = URI.create(url.contains("://") ? url.trim() : "http://" + url.trim());
    int port = uri.getPort() == -1 ? ("https".equals(uri.getScheme()) ? 443 : 80) : uri.getPort();
    return new Proxy(Proxy.Type.HTTP, InetSocketAddress.createUnresolved(uri.getHost(), port));
  }

  private static String first(Map<String, String> env, String... names) {
    for (String name : names) {
      String value = env.get(name);
      if (value != null && !value.isBlank()) {
        return value;
      }
    }
    return null;
  }
}
