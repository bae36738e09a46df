package org.factdesk.testing;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.util.Arrays;
import java.util.List;
import java.util.Map;

import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetup;
import jakarta.mail.Address;
import jakarta.mail.MessagingException;
import jakarta.mail.internet.MimeMessage;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.core.env.MapPropertySource;
import org.springframework.test.context.ContextConfigurationAttributes;
import org.springframework.test.context.ContextCustomizer;
import org.springframework.test.context.ContextCustomizerFactory;
import org.springframework.test.context.MergedContextConfiguration;

/**
 * A real SMTP server (GreenMail) for the whole test JVM, on one port chosen once, so it can be stopped and started
 * again on the same port to test an SMTP server that is away. Started before the first Spring test context, which
 * gets its port as {@code factdesk.test.smtp-port} (see {@code src/test/resources/application.properties}); the
 * customizer is the same for every context, so the suite still shares one.
 */
public final class TestMailServer {

    private static int port;
    private static GreenMail server;

    private TestMailServer() {
    }

    /** The running server, started on first use. */
    public static synchronized GreenMail get() {
        if (server == null) {
            if (port == 0) {
                port = freePort();
            }
            server = new GreenMail(new ServerSetup(port, "127.0.0.1", ServerSetup.PROTOCOL_SMTP));
            server.start();
        }
        return server;
    }

    /** Stops the server: connections to its port are refused until {@link #get()} starts it again. */
    public static synchronized void stop() {
        if (server != null) {
            server.stop();
            server = null;
        }
    }

    public static synchronized int port() {
        get();
        return port;
    }

    /** The mails received so far addressed to {@code address} (To or Cc) whose subject contains {@code subjectPart}. */
    public static List<MimeMessage> received(String address, String subjectPart) {
        return Arrays.stream(get().getReceivedMessages()).filter(m -> to(m).contains(address)
                && subject(m).contains(subjectPart)).toList();
    }

    /** Every To address of a message. */
    public static List<String> to(MimeMessage message) {
        try {
            Address[] to = message.getRecipients(MimeMessage.RecipientType.TO);
            return to == null ? List.of() : Arrays.stream(to).map(Address::toString).toList();
        } catch (MessagingException e) {
            throw new IllegalStateException(e);
        }
    }

    public static String subject(MimeMessage message) {
        try {
            return message.getSubject() == null ? "" : message.getSubject();
        } catch (MessagingException e) {
            throw new IllegalStateException(e);
        }
    }

    public static String body(MimeMessage message) {
        try {
            return message.getContent().toString();
        } catch (MessagingException | IOException e) {
            throw new IllegalStateException(e);
        }
    }

    private static int freePort() {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Registered in {@code META-INF/spring.factories}: gives every Spring test context the server's port. */
    public static final class Factory implements ContextCustomizerFactory {

        @Override
        public ContextCustomizer createContextCustomizer(Class<?> testClass,
                List<ContextConfigurationAttributes> configAttributes) {
            return new PortCustomizer();
        }
    }

    /** Equal to every other, so it never splits the context cache. */
    static final class PortCustomizer implements ContextCustomizer {

        @Override
        public void customizeContext(ConfigurableApplicationContext context, MergedContextConfiguration config) {
            context.getEnvironment().getPropertySources().addFirst(new MapPropertySource("factdesk-test-smtp",
                    Map.of("factdesk.test.smtp-port", port())));
        }

        @Override
        public boolean equals(Object other) {
            return other instanceof PortCustomizer;
        }

        @Override
        public int hashCode() {
            return PortCustomizer.class.hashCode();
        }
    }
}
