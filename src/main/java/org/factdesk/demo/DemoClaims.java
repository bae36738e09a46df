package org.factdesk.demo;

import java.util.List;

import org.factdesk.article.ArticleImported;
import org.factdesk.claim.Claim;
import org.factdesk.claim.ClaimService;
import org.factdesk.claim.FlagRequest;
import org.factdesk.identity.Roles;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.annotation.Profile;
import org.springframework.context.event.EventListener;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.core.context.SecurityContext;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.stereotype.Component;

/**
 * Flags the seed article's three known problems when it is first imported, as fiona, so a new FactDesk has work in
 * its queues: a typo, a misspelled name (every occurrence), and two times that are the same moment in two zones.
 */
@Component
@Profile("!prod")
class DemoClaims {

    static final String SEED_SOURCE = "000_2351e39fdcd1b2f7.txt";
    static final String FLAGGER = "fiona";

    private static final Logger log = LoggerFactory.getLogger(DemoClaims.class);

    static final List<FlagRequest> CLAIMS = List.of(
            new FlagRequest("Erbil vase", null, null, null, "TYPO", "LOW", "Erbil base",
                    "Typo: the attack targeted the air base in Erbil."),
            new FlagRequest("Soleimai", null, null, FlagRequest.SCOPE_ALL, "NAME", "MEDIUM", "Soleimani",
                    "The general's name is Qassem Soleimani; misspelled in both copies of the paragraph."),
            new FlagRequest("5:30 pm on Jan. 7", null, null, null, "TIME", "MEDIUM", null,
                    "Looks like it contradicts '1.30am local time (10.30pm GMT)'. In US Eastern time 5:30 pm on "
                            + "7 January is 22:30 GMT, 01:30 on 8 January in Iraq: the same moment. Readers need "
                            + "the zone, not a changed quote."));

    private final ClaimService claims;

    DemoClaims(ClaimService claims) {
        this.claims = claims;
    }

    @EventListener
    void on(ArticleImported imported) {
        if (!SEED_SOURCE.equals(imported.source())) {
            return;
        }
        SecurityContext previous = SecurityContextHolder.getContext();
        SecurityContext asFlagger = SecurityContextHolder.createEmptyContext();
        asFlagger.setAuthentication(UsernamePasswordAuthenticationToken.authenticated(FLAGGER, null,
                List.of(new SimpleGrantedAuthority("ROLE_" + Roles.FACT_CHECKERS))));
        SecurityContextHolder.setContext(asFlagger);
        try {
            for (FlagRequest request : CLAIMS) {
                Claim claim = claims.flag(imported.articleId(), request, FLAGGER);
                log.info("Demo claim {} flagged: '{}' ({})", claim.id(), claim.quote(), claim.category());
            }
        } finally {
            SecurityContextHolder.setContext(previous);
        }
    }
}
