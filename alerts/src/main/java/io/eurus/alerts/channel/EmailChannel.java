package io.eurus.alerts.channel;

import io.eurus.events.Alert;
import io.eurus.events.Severity;
import jakarta.mail.Message;
import jakarta.mail.MessagingException;
import jakarta.mail.Session;
import jakarta.mail.Transport;
import jakarta.mail.internet.AddressException;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeBodyPart;
import jakarta.mail.internet.MimeMessage;
import jakarta.mail.internet.MimeMultipart;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.util.Date;
import java.util.HexFormat;
import java.util.List;
import java.util.Properties;
import org.eclipse.angus.mail.smtp.SMTPAddressFailedException;
import org.eclipse.angus.mail.smtp.SMTPSendFailedException;
import org.eclipse.angus.mail.smtp.SMTPSenderFailedException;

/**
 * Email over SMTP (angus-mail): one mail per urgent alert, and the rest in a scheduled digest. Every mail
 * has an HTML part and a plain-text part.
 *
 * <p>Each mail's {@code Message-ID} is derived from the alert's id, so a repeat after a crash carries the
 * same id; an update of an ongoing alert is a reply ({@code In-Reply-To}/{@code References}) to the first
 * mail, which mail clients show as one thread.
 *
 * <pre>
 * desk-mail:
 *   type: email
 *   smtp: {host: smtp.example.org, port: 587, tls: starttls, username: eurus, password: {env: SMTP_PASSWORD}}
 *   from: eurus@example.org
 *   to: [desk@example.org]
 *   urgent: HIGH          # this severity and above: a mail each; below: the digest
 *   digest: hourly        # hourly | daily | a period such as 30m or PT30M
 *   digestAt: "08:00"     # with daily
 *   zone: Europe/Brussels
 * </pre>
 */
public final class EmailChannel implements Channel {

  public static final String TYPE = "email";
  private static final int MAX_DIGEST_LINES = 200;

  /** How the connection is protected: STARTTLS (required), TLS from the first byte, or none (a local relay only). */
  public enum Tls { STARTTLS, SSL, NONE }

  /** Where and how to send. */
  public record Smtp(String host, int port, Tls tls, String username, String password, Duration timeout) {
  }

  private final String name;
  private final Smtp smtp;
  private final InternetAddress from;
  private final InternetAddress[] to;
  private final Severity urgent;
  private final DigestSchedule digest;
  private final Session session;

  public EmailChannel(String name, Smtp smtp, InternetAddress from, List<InternetAddress> to, Severity urgent, DigestSchedule digest) {
    this.name = name;
    this.smtp = smtp;
    this.from = from;
    this.to = to.toArray(InternetAddress[]::new);
    this.urgent = urgent;
    this.digest = digest;
    this.session = Session.getInstance(properties(smtp));
  }

  /** {@code text} as one checked address; null when it is none. */
  public static InternetAddress address(String text) {
    try {
      InternetAddress address = new InternetAddress(text, true);
      address.validate();
      return address;
    } catch (AddressException e) {
      return null;
    }
  }

  private static Properties properties(Smtp smtp) {
    Properties props = new Properties();
    String ms = String.valueOf(smtp.timeout().toMillis());
    props.put("mail.smtp.host", smtp.host());
    props.put("mail.smtp.port", String.valueOf(smtp.port()));
    props.put("mail.smtp.connectiontimeout", ms);
    props.put("mail.smtp.timeout", ms);
    props.put("mail.smtp.writetimeout", ms);
    props.put("mail.smtp.auth", String.valueOf(smtp.username() != null));
    props.put("mail.smtp.ssl.checkserveridentity", "true");
    if (smtp.tls() == Tls.STARTTLS) {
      props.put("mail.smtp.starttls.enable", "true");
      props.put("mail.smtp.starttls.required", "true"); // never fall back to sending the password in clear
    } else if (smtp.tls() == Tls.SSL) {
      props.put("mail.smtp.ssl.enable", "true");
    }
    return props;
  }

  @Override
  public String name() {
    return name;
  }

  /** Whether an alert gets a mail of its own; the rest wait for the digest. */
  public boolean isUrgent(Alert alert) {
    return alert.severity().compareTo(urgent) >= 0;
  }

  @Override
  public DigestSchedule digestSchedule() {
    return digest;
  }

  @Override
  public boolean digests(Alert alert) {
    return !isUrgent(alert);
  }

  @Override
  public void deliver(Alert alert) throws DeliveryException {
    String subject = "[Eurus " + alert.severity() + "] " + AlertText.updatePrefix(alert) + AlertText.clip(alert.title(), 150);
    String threadRoot = alert.revision() > 1 ? messageId(alert.key(), 1) : null;
    send(subject, messageId(alert.key(), alert.revision()), threadRoot, MailText.alertText(alert), MailText.alertHtml(alert));
  }

  @Override
  public void deliverDigest(List<Alert> alerts) throws DeliveryException {
    List<Alert> shown = alerts.stream().limit(MAX_DIGEST_LINES).toList();
    long serious = alerts.stream().filter(a -> a.severity().compareTo(Severity.HIGH) >= 0).count();
    String subject = "[Eurus digest] " + alerts.size() + (alerts.size() == 1 ? " alert" : " alerts")
        + (serious > 0 ? " (" + serious + " high or critical)" : "");
    String id = messageId("digest:" + String.join(",", alerts.stream().map(Alert::id).toList()), 0);
    send(subject, id, null, MailText.digestText(shown, alerts.size()), MailText.digestHtml(shown, alerts.size()));
  }

  private void send(String subject, String messageId, String inReplyTo, String text, String html) throws DeliveryException {
    try {
      MimeMessage message = new MimeMessage(session) {
        @Override
        protected void updateMessageID() throws MessagingException {
          setHeader("Message-ID", messageId);
        }
      };
      message.setFrom(from);
      message.setRecipients(Message.RecipientType.TO, to);
      message.setSubject(subject, StandardCharsets.UTF_8.name());
      message.setSentDate(new Date());
      if (inReplyTo != null) {
        message.setHeader("In-Reply-To", inReplyTo);
        message.setHeader("References", inReplyTo);
      }
      MimeBodyPart plain = new MimeBodyPart();
      plain.setText(text, StandardCharsets.UTF_8.name(), "plain");
      MimeBodyPart rich = new MimeBodyPart();
      rich.setText(html, StandardCharsets.UTF_8.name(), "html");
      message.setContent(new MimeMultipart("alternative", plain, rich));
      if (smtp.username() == null) {
        Transport.send(message);
      } else {
        Transport.send(message, smtp.username(), smtp.password());
      }
    } catch (MessagingException e) {
      String reason = "SMTP " + smtp.host() + ":" + smtp.port() + ": " + oneLine(e);
      throw permanent(e) ? DeliveryException.permanent(reason) : new DeliveryException(reason);
    }
  }

  /**
   * Whether the server refused for good: a 5xx reply (no such mailbox, sender refused, message refused) or a
   * refused login. A 4xx reply, a timeout or a connection that failed are worth retrying.
   */
  static boolean permanent(MessagingException error) {
    for (Throwable e = error; e != null; e = e instanceof MessagingException m && m.getNextException() != null ? m.getNextException()
        : e.getCause() == e ? null : e.getCause()) {
      if (e instanceof jakarta.mail.AuthenticationFailedException) {
        return true;
      }
      int code = e instanceof SMTPSendFailedException f ? f.getReturnCode()
          : e instanceof SMTPAddressFailedException f ? f.getReturnCode()
          : e instanceof SMTPSenderFailedException f ? f.getReturnCode() : -1;
      if (code >= 500) {
        return true;
      }
    }
    return false;
  }

  private static String oneLine(MessagingException e) {
    Throwable root = e;
    while (root.getCause() != null && root.getCause() != root) {
      root = root.getCause();
    }
    String message = root.getMessage() == null ? root.getClass().getSimpleName() : root.getMessage();
    return message.lines().findFirst().orElse("").strip();
  }

  /** A Message-ID from the alert key (which may hold characters a Message-ID cannot) and the revision. */
  static String messageId(String key, int revision) {
    try {
      byte[] hash = MessageDigest.getInstance("SHA-256").digest(key.getBytes(StandardCharsets.UTF_8));
      return "<eurus." + HexFormat.of().formatHex(hash, 0, 12) + "." + revision + "@eurus.alerts>";
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("SHA-256 is part of every JDK", e);
    }
  }
}
