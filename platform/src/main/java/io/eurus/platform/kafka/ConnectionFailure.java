package io.eurus.platform.kafka;

import java.security.cert.CertPathBuilderException;
import java.security.cert.CertPathValidatorException;
import java.security.cert.CertificateException;
import java.util.Locale;
import org.apache.kafka.common.config.SaslConfigs;
import org.apache.kafka.common.config.SslConfigs;
import org.apache.kafka.common.errors.AuthenticationException;
import org.apache.kafka.common.errors.AuthorizationException;
import org.apache.kafka.common.errors.SaslAuthenticationException;
import org.apache.kafka.common.errors.SslAuthenticationException;
import org.apache.kafka.common.errors.UnsupportedSaslMechanismException;

/**
 * Why a connection to Kafka failed, in the operator's words: which of the settings to look at, never a stack trace
 * and never a secret. The clients' exceptions wrap the cause a few levels deep (a TLS alert inside an SSL exception
 * inside Kafka's), so each case looks down the chain.
 */
final class ConnectionFailure {

  private ConnectionFailure() {
  }

  /** The reason, or null when {@code error} is not one this class knows (the caller reports a timeout). */
  static String explain(Throwable error, KafkaConnection kafka) {
    String reason;
    if (error instanceof SslAuthenticationException) {
      reason = "TLS: " + tls(error, kafka);
    } else if (error instanceof UnsupportedSaslMechanismException) {
      reason = "authentication failed (" + error.getMessage() + "; check kafka.sasl.mechanism)";
    } else if (error instanceof SaslAuthenticationException) {
      reason = "authentication failed (" + sasl(error, kafka) + ")";
    } else if (error instanceof AuthenticationException) {
      reason = "authentication failed (" + rootMessage(error) + ")";
    } else if (error instanceof AuthorizationException) {
      reason = "not allowed (" + error.getMessage() + ")";
    } else {
      return null;
    }
    return kafka.hideSecrets(reason);
  }

  /** Why a client could not be made from the settings: the innermost message, which names the setting or file. */
  static String explainSetup(Throwable error, KafkaConnection kafka) {
    return kafka.hideSecrets(rootMessage(error));
  }

  private static String sasl(Throwable error, KafkaConnection kafka) {
    String mechanism = kafka.adminSetting(SaslConfigs.SASL_MECHANISM);
    String shown = "SASL " + (mechanism == null ? SaslConfigs.DEFAULT_SASL_MECHANISM : mechanism);
    String message = String.valueOf(error.getMessage()).toLowerCase(Locale.ROOT);
    if (message.contains("invalid credentials") || message.contains("invalid username or password")) {
      return shown + ": wrong user name or password";
    }
    return shown + ": " + rootMessage(error);
  }

  private static String tls(Throwable error, KafkaConnection kafka) {
    String truststore = kafka.adminSetting(SslConfigs.SSL_TRUSTSTORE_LOCATION_CONFIG);
    String keystore = kafka.adminSetting(SslConfigs.SSL_KEYSTORE_LOCATION_CONFIG);
    String chain = chainText(error);
    if (has(error, CertPathBuilderException.class) || has(error, CertPathValidatorException.class)
        || chain.contains("unable to find valid certification path")) {
      return "the broker's certificate is not trusted (truststore "
          + (truststore == null ? "none set: the JVM's default certificate authorities" : truststore) + ")";
    }
    if (has(error, CertificateException.class) && (chain.contains("no subject alternative") || chain.contains("no name matching"))) {
      return "the broker's certificate is not issued for the address connected to (" + rootMessage(error)
          + "); connect by a name the certificate holds";
    }
    if (chain.contains("bad_certificate") || chain.contains("certificate_required") || chain.contains("unknown_ca")
        || chain.contains("certificate_unknown")) {
      return "the broker refused this client's certificate (keystore " + (keystore == null ? "none set" : keystore)
          + "; the broker must trust its issuer)";
    }
    if (chain.contains("unrecognized ssl message") || chain.contains("plaintext connection")) {
      return "the broker does not speak TLS at this address (check kafka.security.protocol and the port)";
    }
    return "handshake failed (" + rootMessage(error) + ")";
  }

  private static boolean has(Throwable error, Class<? extends Throwable> type) {
    for (Throwable cause = error; cause != null; cause = cause.getCause()) {
      if (type.isInstance(cause)) {
        return true;
      }
    }
    return false;
  }

  private static String chainText(Throwable error) {
    StringBuilder text = new StringBuilder();
    for (Throwable cause = error; cause != null; cause = cause.getCause()) {
      text.append(cause.getMessage()).append(' ');
    }
    return text.toString().toLowerCase(Locale.ROOT);
  }

  private static String rootMessage(Throwable error) {
    Throwable root = error;
    while (root.getCause() != null && root.getCause() != root) {
      root = root.getCause();
    }
    String message = root.getMessage();
    return message == null || message.isBlank() ? root.getClass().getSimpleName() : message.strip();
  }
}
