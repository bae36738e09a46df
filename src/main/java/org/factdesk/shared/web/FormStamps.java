package org.factdesk.shared.web;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.Optional;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/**
 * Signed time stamps for forms anyone may send without signing in: the page carries when it was shown, signed with
 * FactDesk's key, and the answer learns how long the sender took. A bot that posts at once, or replays an old form,
 * shows itself; a reader without script notices nothing. The key is {@code factdesk.form-key} (give every node of a
 * cluster the same one), or else random for each start, so a form shown before a restart asks to be sent again.
 */
@Component
public class FormStamps {

    private final SecretKeySpec key;
    private final Clock clock;

    FormStamps(@Value("${factdesk.form-key:}") String configured, Clock clock) {
        byte[] bytes;
        if (configured == null || configured.isBlank()) {
            bytes = new byte[32];
            new SecureRandom().nextBytes(bytes);
        } else {
            bytes = configured.getBytes(StandardCharsets.UTF_8);
        }
        this.key = new SecretKeySpec(bytes, "HmacSHA256");
        this.clock = clock;
    }

    /** A stamp for a form about {@code purpose} (such as "report:12"), shown now. */
    public String issue(String purpose) {
        return issue(purpose, clock.instant());
    }

    /** A stamp as if the form had been shown at {@code shownAt}. */
    public String issue(String purpose, Instant shownAt) {
        long seconds = shownAt.getEpochSecond();
        return seconds + "." + sign(purpose, seconds);
    }

    /** How long ago the form with this stamp was shown; empty when the stamp is not one FactDesk signed for it. */
    public Optional<Duration> age(String purpose, String stamp) {
        if (stamp == null || stamp.length() > 100) {
            return Optional.empty();
        }
        int dot = stamp.indexOf('.');
        if (dot < 1) {
            return Optional.empty();
        }
        long seconds;
        try {
            seconds = Long.parseLong(stamp.substring(0, dot));
        } catch (NumberFormatException e) {
            return Optional.empty();
        }
        byte[] expected = sign(purpose, seconds).getBytes(StandardCharsets.US_ASCII);
        if (!MessageDigest.isEqual(expected, stamp.substring(dot + 1).getBytes(StandardCharsets.US_ASCII))) {
            return Optional.empty();
        }
        return Optional.of(Duration.between(Instant.ofEpochSecond(seconds), clock.instant()));
    }

    private String sign(String purpose, long seconds) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(key);
            byte[] signature = mac.doFinal((purpose + "|" + seconds).getBytes(StandardCharsets.UTF_8));
            return Base64.getUrlEncoder().withoutPadding().encodeToString(signature);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HmacSHA256 is missing", e);
        }
    }
}
