package org.factdesk.audit;

import java.time.Clock;
import java.util.regex.Pattern;

import javax.sql.DataSource;

import org.factdesk.identity.Roles;
import org.factdesk.shared.ProblemException;
import org.springframework.jdbc.core.ConnectionCallback;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Isolation;
import org.springframework.transaction.annotation.Transactional;

/** Lets auditors prove the audit log intact: recompute the whole chain, and export its head to keep elsewhere. */
@Service
public class AuditVerifier {

    private static final Pattern SHA256_HEX = Pattern.compile("[0-9a-fA-F]{64}");

    private final JdbcTemplate jdbc;
    private final AuditRepository entries;
    private final Clock clock;

    AuditVerifier(DataSource dataSource, AuditRepository entries, Clock clock) {
        this.jdbc = new JdbcTemplate(dataSource);
        this.entries = entries;
        this.clock = clock;
    }

    /**
     * Recomputes every link of the chain and, when a head exported earlier is given ({@code headHash}, optionally
     * with the number of entries it was taken at), checks that the log still reaches it. Repeatable read gives the
     * walk one snapshot of the entries and the chain head, whatever is appended meanwhile.
     */
    @Transactional(readOnly = true, isolation = Isolation.REPEATABLE_READ)
    @Roles.ChainCheckers
    public Verification verify(String headHash, Long headEntries) {
        if (headHash != null && !headHash.isBlank() && !SHA256_HEX.matcher(headHash.strip()).matches()) {
            throw ProblemException.badRequest("invalid-head", "'head' must be the 64 hexadecimal characters of a "
                    + "SHA-256 hash, as GET /api/audit/head returns it.");
        }
        if (headEntries != null && (headEntries < 0 || headHash == null || headHash.isBlank())) {
            throw ProblemException.badRequest("invalid-head", "'entries' needs the 'head' hash it belongs to and "
                    + "cannot be negative.");
        }
        ExpectedHead expected = new ExpectedHead(headHash, headEntries);
        return jdbc.execute((ConnectionCallback<Verification>) connection -> ChainVerifier.verify(connection, expected));
    }

    /** The chain's latest link, to be kept where whoever administers the database cannot change it. */
    @Transactional(readOnly = true)
    @Roles.ChainCheckers
    public AuditHead head() {
        AuditHead head = entries.head();
        return new AuditHead(head.entries(), head.hash(), clock.instant());
    }
}
