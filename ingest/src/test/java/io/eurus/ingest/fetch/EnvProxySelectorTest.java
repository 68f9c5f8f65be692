package io.eurus.ingest.fetch;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.InetSocketAddress;
import java.net.Proxy;
import java.net.URI;
import java.util.Map;
import org.junit.jupiter.api.Test;

class EnvProxySelectorTest {

  @Test
  void proxyComesFromTheSchemesVariableAndNoProxyExemptsHostsAndDomains() {
    EnvProxySelector selector = EnvProxySelector.fromEnvironment(Map.of(
        "https_proxy", "http://proxy.corp:3128", "HTTP_PROXY", "proxy.corp:8080", "no_proxy", "localhost,.internal.example, europa.eu"));

    assertThat(address(selector, "https://tass.com/rss/v2.xml")).isEqualTo("proxy.corp:3128");
    assertThat(address(selector, "http://en.kremlin.ru/feed")).isEqualTo("proxy.corp:8080");
    assertThat(selector.select(URI.create("https://ec.europa.eu/rss"))).containsExactly(Proxy.NO_PROXY);
    assertThat(selector.select(URI.create("http://feeds.internal.example/x"))).containsExactly(Proxy.NO_PROXY);
    assertThat(selector.select(URI.create("http://localhost:8080/x"))).containsExactly(Proxy.NO_PROXY);
  }

  @Test
  void withoutVariablesEverythingGoesDirect() {
    EnvProxySelector selector = EnvProxySelector.fromEnvironment(Map.of());

    assertThat(selector.select(URI.create("https://meduza.io/rss/all"))).containsExactly(Proxy.NO_PROXY);
  }

  private static String address(EnvProxySelector selector, String url) {
    InetSocketAddress address = (InetSocketAddress) selector.select(URI.create(url)).get(0).address();
    return address.getHostString() + ":" + address.getPort();
  }
}
