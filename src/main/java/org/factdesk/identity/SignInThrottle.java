package org.factdesk.identity;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Counts failed sign-ins per client address and per client address and account, and says how long a client must
 * wait: a client that fails too often is refused for a while, for every account or for the one it kept guessing,
 * while everybody else, the owner of the account included, signs in as before. Refusals that follow one another
 * double in length. Everything lives in memory, in at most {@code max-tracked} entries.
 */
class SignInThrottle {

    /** Camunda's user ids are at most 64 characters (ACT_ID_USER.ID_); a longer name is no account anyone has. */
    static final int MAX_ACCOUNT_LENGTH = 64;

    private static final Logger log = LoggerFactory.getLogger(SignInThrottle.class);
    private static final int MAX_ADDRESS_LENGTH = 64;

    private final SignInThrottleProperties settings;
    private final Clock clock;
    /** In the order of last use, so that when it is full the entry nobody touched for longest goes first. */
    private final LinkedHashMap<String, Tally> tallies = new LinkedHashMap<>(64, 0.75f, true);
    private Instant lastFullWarning = Instant.MIN;

    SignInThrottle(SignInThrottleProperties settings, Clock clock) {
        this.settings = settings;
        this.clock = clock;
    }

    /** How long this client must wait before it may try to sign in as this account; zero if it may now. */
    synchronized Duration waitFor(String address, String account) {
        Instant now = clock.instant();
        String client = clientOf(address);
        Duration forClient = remaining(tallies.get(client), now);
        Duration forAccount = remaining(tallies.get(pair(client, account)), now);
        return forClient.compareTo(forAccount) >= 0 ? forClient : forAccount;
    }

    /** Counts a failed sign-in, for an unknown user exactly as for a wrong password. */
    synchronized void failed(String address, String account) {
        Instant now = clock.instant();
        String client = clientOf(address);
        count(client, settings.maxFailuresPerClient(), now, client, null);
        count(pair(client, account), settings.maxFailuresPerAccount(), now, client, account);
    }

    /**
     * Forgets this client's failures for this account. Its failures for any account stay: otherwise a client with one
     * account of its own could guess other people's passwords without end, signing in between guesses.
     */
    synchronized void succeeded(String address, String account) {
        tallies.remove(pair(clientOf(address), account));
    }

    /** The number of clients and client-account pairs remembered now. */
    synchronized int tracked() {
        return tallies.size();
    }

    private void count(String key, int maxFailures, Instant now, String client, String account) {
        Tally tally = tallies.get(key);
        if (tally == null) {
            makeRoom(now);
            tally = new Tally();
            tallies.put(key, tally);
        }
        // A request that was already under way when the refusal began; the refusal stands as it is.
        if (tally.isLocked(now)) {
            return;
        }
        if (tally.strikes > 0 && !now.isBefore(tally.lockedUntil.plus(settings.maxLockout()))) {
            tally.strikes = 0;
        }
        tally.forgetFailuresBefore(now.minus(settings.window()));
        tally.failures.addLast(now);
        if (tally.failures.size() >= maxFailures) {
            tally.strikes++;
            Duration lockout = lockout(tally.strikes);
            tally.lockedUntil = now.plus(lockout);
            tally.failures.clear();
            // The user name is what the client typed; it is logged without line breaks so it cannot forge log lines.
            log.warn("Refusing sign-ins from {}{} for {}: {} failed sign-ins within {} (refusal {} in a row)",
                    client, account == null ? "" : " as '" + printable(account) + "'", lockout, maxFailures,
                    settings.window(), tally.strikes);
        }
    }

    /** The window for the first refusal, then twice as long each time, up to the longest. */
    private Duration lockout(int strikes) {
        Duration lockout = settings.window();
        for (int i = 1; i < strikes && lockout.compareTo(settings.maxLockout()) < 0; i++) {
            lockout = lockout.multipliedBy(2);
        }
        return lockout.compareTo(settings.maxLockout()) < 0 ? lockout : settings.maxLockout();
    }

    private Duration remaining(Tally tally, Instant now) {
        return tally != null && tally.isLocked(now) ? Duration.between(now, tally.lockedUntil) : Duration.ZERO;
    }

    /**
     * Keeps the store within its bound: first drop every entry that says nothing any more, then, if that freed
     * nothing, the least recently used one. Many addresses can push out a refusal this way, but whoever has that
     * many addresses is not slowed by a per-address count anyway.
     */
    private void makeRoom(Instant now) {
        if (tallies.size() < settings.maxTracked()) {
            return;
        }
        tallies.values().removeIf(tally -> tally.isSpent(now, settings));
        Iterator<Map.Entry<String, Tally>> eldest = tallies.entrySet().iterator();
        while (tallies.size() >= settings.maxTracked() && eldest.hasNext()) {
            eldest.next();
            eldest.remove();
        }
        if (now.isAfter(lastFullWarning.plus(settings.window()))) {
            lastFullWarning = now;
            log.warn("Sign-in failures come from more than {} clients: forgetting the oldest ones",
                    settings.maxTracked());
        }
    }

    /**
     * The client an address stands for. An IPv6 address stands for its /64 network, which is what one household or
     * machine usually gets: counting single IPv6 addresses would let one client be billions of clients.
     */
    static String clientOf(String address) {
        if (address == null) {
            return "unknown";
        }
        String network = address.indexOf(':') >= 0 ? ipv6Network(address) : null;
        String client = network != null ? network : address;
        return client.length() > MAX_ADDRESS_LENGTH ? client.substring(0, MAX_ADDRESS_LENGTH) : client;
    }

    /**
     * The /64 network of an IPv6 address written as text, such as {@code 2001:db8:0:1::/64}; the IPv4 address of an
     * IPv4-mapped one; null if it is not an IPv6 address. Parsed by hand because {@code InetAddress.getByName} would
     * look a malformed one up in DNS.
     */
    static String ipv6Network(String address) {
        String text = address.startsWith("[") && address.endsWith("]") ? address.substring(1, address.length() - 1)
                : address;
        int zone = text.indexOf('%');
        if (zone >= 0) {
            text = text.substring(0, zone);
        }
        String lower = text.toLowerCase(Locale.ROOT);
        if (lower.startsWith("::ffff:") && lower.indexOf('.') > 0) {
            return lower.substring("::ffff:".length());
        }
        int gap = lower.indexOf("::");
        if (gap != lower.lastIndexOf("::") || lower.indexOf('.') >= 0) {
            return null;
        }
        String[] head = gap < 0 ? lower.split(":", -1) : split(lower.substring(0, gap));
        String[] tail = gap < 0 ? new String[0] : split(lower.substring(gap + 2));
        if (head.length + tail.length > (gap < 0 ? 8 : 7) || (gap < 0 && head.length != 8)) {
            return null;
        }
        String[] groups = new String[8];
        for (int i = 0; i < 8; i++) {
            String group = i < head.length ? head[i] : i >= 8 - tail.length ? tail[i - (8 - tail.length)] : "0";
            if (group.isEmpty() || group.length() > 4 || !group.chars().allMatch(c -> Character.digit(c, 16) >= 0)) {
                return null;
            }
            groups[i] = Integer.toHexString(Integer.parseInt(group, 16));
        }
        return String.join(":", groups[0], groups[1], groups[2], groups[3]) + "::/64";
    }

    private static String[] split(String groups) {
        return groups.isEmpty() ? new String[0] : groups.split(":", -1);
    }

    /** One key per client and account; user names count without regard to case, which only makes it stricter. */
    private static String pair(String client, String account) {
        String name = account == null ? "" : account.toLowerCase(Locale.ROOT);
        return client + " " + (name.length() > MAX_ACCOUNT_LENGTH ? name.substring(0, MAX_ACCOUNT_LENGTH) : name);
    }

    private static String printable(String text) {
        String shortened = text.length() > MAX_ACCOUNT_LENGTH ? text.substring(0, MAX_ACCOUNT_LENGTH) + "…" : text;
        return shortened.replaceAll("\\p{Cntrl}", "?");
    }

    /** The recent failures of one client, or of one client and account, and its refusal. */
    private static final class Tally {

        final ArrayDeque<Instant> failures = new ArrayDeque<>();
        Instant lockedUntil;
        int strikes;

        boolean isLocked(Instant now) {
            return lockedUntil != null && now.isBefore(lockedUntil);
        }

        void forgetFailuresBefore(Instant start) {
            while (!failures.isEmpty() && !failures.peekFirst().isAfter(start)) {
                failures.removeFirst();
            }
        }

        /** True once it neither refuses, nor holds a failure that still counts, nor a refusal that would double. */
        boolean isSpent(Instant now, SignInThrottleProperties settings) {
            return !isLocked(now)
                    && (failures.isEmpty() || !failures.peekLast().isAfter(now.minus(settings.window())))
                    && (strikes == 0 || !now.isBefore(lockedUntil.plus(settings.maxLockout())));
        }
    }
}
