package org.factdesk.review;

import java.time.Instant;

import org.factdesk.article.TextAnchor;
import org.factdesk.claim.Category;
import org.factdesk.claim.Claim;
import org.factdesk.claim.Decision;
import org.factdesk.claim.ClaimState;
import org.factdesk.claim.Severity;
import org.factdesk.claim.Verdict;
import org.factdesk.shared.ProblemException;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatNoException;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The four-eyes rule on its own; FourEyesTest tries it through every way into the running application. */
class FourEyesRuleTest {

    private static final Claim CLAIM = new Claim(7, 1, 1, new Claim.Flag(TextAnchor.at("the vase", 4, 8), false, 1,
            Category.TYPO, Severity.LOW, null, "edith", "manual", Instant.EPOCH), "base", ClaimState.AWAITING_APPROVAL,
            null, new Claim.Verification(Verdict.ERROR_CONFIRMED, "elliot", "Notice.", null), null, null,
            Instant.EPOCH);

    @Test
    void theFlaggerAndTheVerifierMayNotApprove() {
        assertThat(FourEyes.conflict(CLAIM, "edith")).contains("flagged");
        assertThat(FourEyes.conflict(CLAIM, "elliot")).contains("verified");
        assertThatThrownBy(() -> FourEyes.check(CLAIM, "elliot")).isInstanceOfSatisfying(ProblemException.class,
                problem -> {
                    assertThat(problem.status().value()).isEqualTo(403);
                    assertThat(problem.type()).isEqualTo(FourEyes.PROBLEM_TYPE);
                });
    }

    @Test
    void theFlaggerTheVerifierAndTheApproverMayNotGiveTheLegalReview() {
        Claim approved = new Claim(CLAIM.id(), CLAIM.articleId(), CLAIM.revision(), CLAIM.flag(), CLAIM.replacement(),
                ClaimState.LEGAL_REVIEW, null, CLAIM.verification(), new Claim.Approval(Decision.APPROVE, "emma", null),
                null, Instant.EPOCH);
        Claim returned = new Claim(CLAIM.id(), CLAIM.articleId(), CLAIM.revision(), CLAIM.flag(), CLAIM.replacement(),
                ClaimState.FLAGGED, null, CLAIM.verification(), new Claim.Approval(Decision.RETURN, "emma", "Again."),
                null, Instant.EPOCH);

        assertThat(FourEyes.legalConflict(approved, "edith")).contains("flagged");
        assertThat(FourEyes.legalConflict(approved, "elliot")).contains("verified");
        assertThat(FourEyes.legalConflict(approved, "emma")).contains("approved");
        assertThat(FourEyes.legalConflict(approved, "lena")).isEmpty();
        // Returning a claim is no approval of it.
        assertThat(FourEyes.legalConflict(returned, "emma")).isEmpty();
        assertThatThrownBy(() -> FourEyes.checkLegal(approved, "emma")).isInstanceOfSatisfying(ProblemException.class,
                problem -> {
                    assertThat(problem.status().value()).isEqualTo(403);
                    assertThat(problem.type()).isEqualTo(FourEyes.PROBLEM_TYPE);
                    assertThat(problem.getMessage()).contains("emma approved claim 7", "another lawyer");
                });
    }

    @Test
    void anyOtherEditorMay() {
        assertThat(FourEyes.conflict(CLAIM, "emma")).isEmpty();
        assertThatNoException().isThrownBy(() -> FourEyes.check(CLAIM, "emma"));
    }
}
