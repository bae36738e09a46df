package org.factdesk.benchmark;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.Statement;
import java.sql.Types;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.HexFormat;
import java.util.List;

import static org.factdesk.benchmark.Bench.Samples;
import static org.factdesk.benchmark.Bench.bytes;
import static org.factdesk.benchmark.Bench.ms;
import static org.factdesk.benchmark.Bench.say;

/**
 * The audit log at 10k and 1M entries: {@code /api/audit}, the CSV export, the {@code /audit} page, with the heap the
 * node used. Entries are appended in bulk over JDBC with FactDesk stopped, each hashed into the chain exactly as
 * {@code org.factdesk.audit.AuditChain} documents it; the node's own {@code /api/audit/verify} then proves the chain.
 */
final class AuditBench {

    private static final String JDBC_USER = "factdesk";
    private static final String[] ACTORS = {"fiona", "farid", "edith", "elliot", "system"};
    private static final String[] ACTIONS = {"FLAGGED", "CLAIMED", "VERDICT", "CLAIMED", "APPROVED", "PUBLISHED"};
    private static final DateTimeFormatter AT =
            DateTimeFormatter.ofPattern("uuuu-MM-dd'T'HH:mm:ss.SSSSSS'Z'").withZone(ZoneOffset.UTC);

    private static final java.util.Map<String, Double> LAST = new java.util.HashMap<>();
    /** Unmeasured and measured requests of each short read (a page, one page of the API) at every size. */
    private static final int SHORT_WARMUP = Integer.getInteger("scale.audit.warmup", Bench.QUICK ? 3 : 15);
    private static final int SHORT_REPEATS = Integer.getInteger("scale.audit.requests", Bench.QUICK ? 5 : 20);
    /** Each read's figures by size, for the summary. */
    private static final java.util.Map<String, java.util.Map<Integer, Samples>> FIGURES =
            new java.util.LinkedHashMap<>();
    private static final int[] LAST_SIZE = {1};

    private AuditBench() {
    }

    static void run() throws Exception {
        Bench.heading("Audit log on H2: /api/audit, CSV export and /audit page at " + Bench.AUDIT_SIZES + " entries");
        Path data = Bench.dir("audit-h2");
        // A first start creates the schema, imports the seed and flags the demo claims.
        Node.h2("audit-h2-init", data, List.of()).stop();
        for (int size : Bench.AUDIT_SIZES) {
            long t0 = System.nanoTime();
            long added = seedTo(data, size);
            double seconds = (System.nanoTime() - t0) / 1e9;
            say("[audit %,d] appended %,d chained entries (and their claims) over JDBC in %.1f s (%.0f entries/s)",
                    size, added, seconds, added / Math.max(seconds, 1e-9));
            plans(data, size);
            Node node = Node.h2("audit-h2-" + size, data, List.of());
            boolean clean = true;
            try {
                clean = measure(node, size);
            } finally {
                if (clean) {
                    node.stop();
                } else {
                    node.kill();
                }
            }
        }
        summary();
        exportUnderHeapCap(data, Bench.AUDIT_SIZES.get(Bench.AUDIT_SIZES.size() - 1));
    }

    /**
     * The whole log exported by a node with FactDesk's own JVM flags (a 512 MB heap cap): the export streams, so it
     * finishes under the cap at any size, where the default heap's peak above says only how much garbage the JVM let
     * pile up before collecting it.
     */
    private static void exportUnderHeapCap(Path data, int size) throws Exception {
        List<String> flags = java.util.Arrays.stream(System.getProperty("factdesk.jvm.flags", "").split("\\s+"))
                .filter(f -> !f.isBlank()).toList();
        Node node = Node.h2("audit-h2-capped", data, flags);
        try {
            int timeout = Math.max(Bench.REQUEST_TIMEOUT_SECONDS, 300);
            node.http.measure("edith", "/api/audit?size=10", timeout);
            Http.Answer[] answer = new Http.Answer[1];
            long peak = node.peakHeapDuring(() -> answer[0] = node.http.measure("edith",
                    "/api/audit/export?format=csv", timeout));
            if (answer[0] == null) {
                say("[audit %,d, %s] CSV export: no answer within %d s", size, String.join(" ", flags), timeout);
                return;
            }
            say("[audit %,d, %s] GET /api/audit/export?format=csv: status %d, %s in %s (%,.0f rows/s); heap peak %s",
                    size, String.join(" ", flags), answer[0].status(), bytes(answer[0].bytes()),
                    ms(answer[0].millis()), size / (answer[0].millis() / 1000), bytes(peak));
        } finally {
            node.stop();
        }
    }

    /** p50 / p95 of every read by size, and the ratio of the largest size's p95 to the smallest's (target: 2x). */
    private static void summary() {
        List<Integer> sizes = Bench.AUDIT_SIZES;
        StringBuilder out = new StringBuilder("Audit summary (p50 / p95 in ms; the short reads within 2x is the target):");
        for (var e : FIGURES.entrySet()) {
            out.append(String.format(java.util.Locale.ROOT, "%n      %-58s", e.getKey()));
            for (int size : sizes) {
                Samples s = e.getValue().get(size);
                out.append(String.format(java.util.Locale.ROOT, " %,10d: %-18s", size, s == null ? "-"
                        : String.format(java.util.Locale.ROOT, "%.1f / %.1f", s.p50(), s.p95())));
            }
            Samples small = e.getValue().get(sizes.get(0));
            Samples large = e.getValue().get(sizes.get(sizes.size() - 1));
            if (small != null && large != null) {
                double ratio = large.p95() / small.p95();
                out.append(String.format(java.util.Locale.ROOT, " p95 %.2fx%s", ratio, e.getKey().contains("export")
                        ? " (whole log: grows with it)" : ratio <= 2.0 ? " holds" : " MISSED"));
            }
        }
        say(out.toString());
    }

    private static boolean measure(Node node, int size) throws Exception {
        String tag = "[audit " + String.format("%,d", size) + "]";
        // The whole chain recomputed: minutes at a million entries on a loaded machine.
        Http.Answer verify = node.http.get("audrey", "/api/audit/verify", 900);
        say("%s GET /api/audit/verify: %s in %s -> %s", tag, verify.status(), ms(verify.millis()),
                verify.body().length() > 200 ? verify.body().substring(0, 200) : verify.body());
        long idle = node.heapAfterGc();
        say("%s node heap after a full GC before the reads: %s", tag, bytes(idle));
        int timeout = Math.max(Bench.REQUEST_TIMEOUT_SECONDS, 300);
        // The page and one page of the API are short reads: warmed up, then measured as often at every size, so that
        // their ratio compares like with like. The export reads the whole log: timed a few times at most.
        for (String[] read : new String[][] {
                {"GET /api/audit (first page of 100, JSON)", "/api/audit", "page"},
                {"GET /audit page (newest 100)", "/audit", "page"},
                {"GET /audit?page=50 (entries 5,001-5,100 from the newest)", "/audit?page=50", "page"},
                {"GET /api/audit/export?format=csv (all entries)", "/api/audit/export?format=csv", "export"},
                {"GET /audit/export (CSV as the page links it, all entries)", "/audit/export", "export"}}) {
            boolean export = read[2].equals("export");
            Double before = LAST.get(read[1]);
            if (export && before != null && before * size / LAST_SIZE[0] > timeout * 1000.0) {
                say("%s %s: skipped (p50 %s at %,d entries extrapolates past the %d s timeout)", tag, read[0],
                        ms(before), LAST_SIZE[0], timeout);
                continue;
            }
            int warmups = export ? 0 : SHORT_WARMUP;
            int repeats = export ? (size <= 100_000 ? 3 : 1) : SHORT_REPEATS;
            for (int i = 0; i < warmups; i++) {
                node.http.measure("edith", read[1], timeout);
            }
            Samples samples = new Samples();
            long peak = 0;
            long size0 = 0;
            int status = 0;
            for (int i = 0; i < repeats; i++) {
                Http.Answer[] answer = new Http.Answer[1];
                long p = export ? node.peakHeapDuring(() -> answer[0] = node.http.measure("edith", read[1], timeout))
                        : 0;
                if (!export) {
                    answer[0] = node.http.measure("edith", read[1], timeout);
                }
                if (answer[0] == null) {
                    say("%s %s: no answer within %d s (peak heap %s); node killed", tag, read[0], timeout, bytes(p));
                    return false;
                }
                peak = Math.max(peak, p);
                samples.add(answer[0].millis());
                size0 = answer[0].bytes();
                status = answer[0].status();
            }
            LAST.put(read[1], samples.p50());
            FIGURES.computeIfAbsent(read[0], k -> new java.util.LinkedHashMap<>()).put(size, samples);
            if (export) {
                say("%s %s: status %d, %s, %s; %,.0f rows/s at the median; node heap peak %s (%s above idle)", tag,
                        read[0], status, samples, bytes(size0), size / (samples.p50() / 1000), bytes(peak),
                        bytes(peak - idle));
            } else {
                say("%s %s: status %d, %s after %d warm-up requests, %s", tag, read[0], status, samples, warmups,
                        bytes(size0));
            }
        }
        LAST_SIZE[0] = size;
        // A narrow question: one actor on one day, as the page's filters ask it.
        Samples filtered = Bench.repeat(1, 10, 30, () -> node.http.measure("edith",
                "/api/audit?actor=elliot&from=2025-03-01T00:00:00Z&to=2025-03-02T00:00:00Z", timeout));
        say("%s GET /api/audit?actor=elliot&from=..&to=.. (one day): %s", tag, filtered);
        return true;
    }

    /**
     * H2's EXPLAIN ANALYZE of the statements AuditRepository runs for the page, the API and the one-day filter (the
     * same SQL, written out here), with FactDesk stopped: plans/audit-SIZE-NAME.txt.
     */
    private static void plans(Path data, int size) throws Exception {
        String columns = "id, seq, at, actor, action, claim_id, article_id, revision, before_text, after_text, detail, "
                + "prev_hash, hash";
        String day = " WHERE at >= TIMESTAMP WITH TIME ZONE '2025-03-01 00:00:00+00' AND at < TIMESTAMP WITH TIME "
                + "ZONE '2025-03-02 00:00:00+00' AND actor = 'elliot'";
        String[][] statements = {
                {"page-newest", "SELECT " + columns + " FROM audit_entry ORDER BY seq DESC OFFSET 0 ROWS FETCH NEXT 100 "
                        + "ROWS ONLY"},
                {"page-50", "SELECT " + columns + " FROM audit_entry ORDER BY seq DESC OFFSET 5000 ROWS FETCH NEXT 100 "
                        + "ROWS ONLY"},
                {"api-first", "SELECT " + columns + " FROM audit_entry ORDER BY seq OFFSET 0 ROWS FETCH NEXT 100 ROWS "
                        + "ONLY"},
                {"count", "SELECT COUNT(*) FROM audit_entry"},
                {"export-chunk", "SELECT " + columns + " FROM audit_entry WHERE seq < " + (size / 2) + " ORDER BY seq "
                        + "DESC FETCH FIRST 1000 ROWS ONLY"},
                {"one-day", "SELECT " + columns + " FROM audit_entry" + day + " ORDER BY seq OFFSET 0 ROWS FETCH NEXT "
                        + "100 ROWS ONLY"},
                {"one-day-count", "SELECT COUNT(*) FROM audit_entry" + day}};
        String url = "jdbc:h2:file:" + data.toAbsolutePath() + "/factdesk;LOCK_TIMEOUT=10000;OPTIMIZE_REUSE_RESULTS=0";
        StringBuilder out = new StringBuilder();
        try (Connection c = DriverManager.getConnection(url, JDBC_USER, "factdesk"); Statement s = c.createStatement()) {
            for (String[] statement : statements) {
                List<String> rows = new java.util.ArrayList<>();
                long t0 = System.nanoTime();
                try (ResultSet rs = s.executeQuery("EXPLAIN ANALYZE " + statement[1])) {
                    while (rs.next()) {
                        rows.add(rs.getString(1));
                    }
                }
                double millis = (System.nanoTime() - t0) / 1e6;
                String plan = Plans.save("audit-" + size + "-" + statement[0], statement[1], String.join("\n", rows));
                out.append(String.format(java.util.Locale.ROOT, "%n      %-14s %8s  %s", statement[0], ms(millis),
                        QueueBench.condense(plan).lines().filter(l -> l.startsWith("/*") && !l.startsWith("/* WHERE"))
                                .map(l -> l.replaceAll("\\s+", " ")).reduce((a, b) -> a + " " + b).orElse("")));
            }
        }
        say("[audit %,d] plans of the log's statements (EXPLAIN ANALYZE, cold; files plans/audit-%d-*.txt):%s", size,
                size, out);
    }

    /** Appends chained entries until the log holds {@code size}; returns how many were added. */
    private static long seedTo(Path data, int size) throws Exception {
        String url = "jdbc:h2:file:" + data.toAbsolutePath() + "/factdesk;LOCK_TIMEOUT=10000";
        try (Connection c = DriverManager.getConnection(url, JDBC_USER, "factdesk")) {
            c.setAutoCommit(false);
            long seq;
            String hash;
            try (Statement s = c.createStatement(); ResultSet rs = s.executeQuery(
                    "SELECT seq, hash FROM audit_chain_head WHERE id = 1")) {
                rs.next();
                seq = rs.getLong(1);
                hash = rs.getString(2);
            }
            long missing = size - seq;
            if (missing <= 0) {
                return 0;
            }
            long article = 1;
            // One claim for every six entries, in the states a finished review leaves.
            long firstClaim;
            try (Statement s = c.createStatement(); ResultSet rs = s.executeQuery("SELECT COALESCE(MAX(id), 0) FROM claim")) {
                rs.next();
                firstClaim = rs.getLong(1) + 1;
            }
            long claims = (missing + 5) / 6;
            try (PreparedStatement claim = c.prepareStatement("""
                    INSERT INTO claim (id, article_id, revision, quote, start_index, end_index, prefix, suffix,
                        all_occurrences, occurrences, category, severity, replacement, state, flagged_by, source,
                        flagged_at, verdict, verified_by, notice, decision, decided_by, published_revision, updated_at)
                    VALUES (?, ?, 1, 'Erbil vase', 10, 20, 'the attack on the ', ' was', FALSE, 1, ?, 'LOW',
                        'Erbil base', 'PUBLISHED', 'fiona', 'manual', ?, 'ERROR_CONFIRMED', 'farid',
                        'An earlier version misspelled it.', 'APPROVE', 'edith', 2, ?)""")) {
                String[] categories = {"TYPO", "NAME", "TIME", "NUMBER", "FACTUAL"};
                for (long i = 0; i < claims; i++) {
                    Instant at = Instant.parse("2025-01-01T00:00:00Z").plusSeconds((seq + i * 6) * 30);
                    claim.setLong(1, firstClaim + i);
                    claim.setLong(2, article);
                    claim.setString(3, categories[(int) (i % categories.length)]);
                    claim.setObject(4, at.atOffset(ZoneOffset.UTC));
                    claim.setObject(5, at.atOffset(ZoneOffset.UTC));
                    claim.addBatch();
                    if (i % 1000 == 999) {
                        claim.executeBatch();
                    }
                }
                claim.executeBatch();
            }
            MessageDigest sha = MessageDigest.getInstance("SHA-256");
            HexFormat hex = HexFormat.of();
            try (PreparedStatement insert = c.prepareStatement("""
                    INSERT INTO audit_entry (seq, at, actor, action, claim_id, article_id, revision, before_text,
                        after_text, detail, prev_hash, hash) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)""")) {
                for (long i = 0; i < missing; i++) {
                    long n = seq + 1;
                    int step = (int) (i % 6);
                    Instant at = Instant.parse("2025-01-01T00:00:00Z").plusSeconds(n * 30).plusNanos(123_456_000L)
                            .truncatedTo(ChronoUnit.MICROS);
                    String actor = step == 5 ? "system" : ACTORS[(int) ((i / 6 + step) % 4)];
                    String action = ACTIONS[step];
                    long claimId = firstClaim + i / 6;
                    Integer revision = step == 0 ? Integer.valueOf(1) : step == 5 ? Integer.valueOf(2) : null;
                    String before = step == 0 ? "Erbil vase" : step == 5
                            ? "Iran fired missiles at the Erbil vase and at Al Asad, officials said on Tuesday night." : null;
                    String after = step == 5
                            ? "Iran fired missiles at the Erbil base and at Al Asad, officials said on Tuesday night." : null;
                    String detail = switch (step) {
                        case 0 -> "Typo, low severity; proposed: 'Erbil base'";
                        case 1 -> "Verify claim held by " + actor;
                        case 2 -> "Error confirmed";
                        case 3 -> "Approve correction held by " + actor;
                        case 4 -> "Approved";
                        default -> "Correction, 8 January 2020, 10:12 GMT: An earlier version misspelled it.";
                    };
                    String next = chain(sha, hex, hash, n, at, actor, action, claimId, article, revision, before, after,
                            detail);
                    insert.setLong(1, n);
                    insert.setObject(2, at.atOffset(ZoneOffset.UTC));
                    insert.setString(3, actor);
                    insert.setString(4, action);
                    insert.setLong(5, claimId);
                    insert.setLong(6, article);
                    if (revision == null) {
                        insert.setNull(7, Types.INTEGER);
                    } else {
                        insert.setInt(7, revision);
                    }
                    insert.setString(8, before);
                    insert.setString(9, after);
                    insert.setString(10, detail);
                    insert.setString(11, hash);
                    insert.setString(12, next);
                    insert.addBatch();
                    hash = next;
                    seq = n;
                    if (i % 1000 == 999) {
                        insert.executeBatch();
                    }
                    if (i % 50_000 == 49_999) {
                        c.commit();
                    }
                }
                insert.executeBatch();
            }
            // The head only moves forward one entry at a time (ChainHeadTrigger); for a bulk append the benchmark lifts
            // that guard for one statement, as a DBA restoring a backup would, and puts it back as V2_1 created it.
            try (Statement s = c.createStatement()) {
                s.execute("DROP TRIGGER audit_chain_head_forward_only");
                s.executeUpdate("UPDATE audit_chain_head SET seq = " + seq + ", hash = '" + hash + "' WHERE id = 1");
                s.execute("CREATE TRIGGER audit_chain_head_forward_only BEFORE UPDATE, DELETE ON audit_chain_head "
                        + "FOR EACH ROW CALL 'org.factdesk.audit.ChainHeadTrigger'");
            }
            c.commit();
            return missing;
        }
    }

    /** hash(n) = SHA-256(hash(n-1) || canonical(n)), with the canonical netstring encoding of format v1. */
    private static String chain(MessageDigest sha, HexFormat hex, String previous, long seq, Instant at, String actor,
            String action, Long claimId, Long articleId, Integer revision, String before, String after, String detail) {
        sha.reset();
        sha.update(previous.getBytes(StandardCharsets.US_ASCII));
        field(sha, "factdesk-audit-v1");
        field(sha, Long.toString(seq));
        field(sha, AT.format(at));
        field(sha, actor);
        field(sha, action);
        field(sha, claimId == null ? null : claimId.toString());
        field(sha, articleId == null ? null : articleId.toString());
        field(sha, revision == null ? null : revision.toString());
        field(sha, before);
        field(sha, after);
        field(sha, detail);
        return hex.formatHex(sha.digest());
    }

    private static void field(MessageDigest sha, String value) {
        if (value == null) {
            sha.update((byte) '~');
            return;
        }
        byte[] bytes = value.getBytes(StandardCharsets.UTF_8);
        sha.update(Integer.toString(bytes.length).getBytes(StandardCharsets.US_ASCII));
        sha.update((byte) ':');
        sha.update(bytes);
        sha.update((byte) ',');
    }
}
