package org.factdesk.claim;

import java.util.List;

import org.factdesk.shared.ProblemException;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class OccurrencesTest {

    private static final List<Integer> TWICE = List.of(4, 40);

    @Test
    void takesTheOnlyPlaceOrTheOneNamedByNumberOrStart() {
        assertThat(Occurrences.choose(flag(null, null, null), "Soleimai", List.of(12))).isEqualTo(12);
        assertThat(Occurrences.choose(flag(2, null, null), "Soleimai", TWICE)).isEqualTo(40);
        assertThat(Occurrences.choose(flag(null, 40, null), "Soleimai", TWICE)).isEqualTo(40);
        assertThat(Occurrences.choose(flag(null, null, "all"), "Soleimai", TWICE)).isEqualTo(4);
    }

    @Test
    void refusesToGuessBetweenPlaces() {
        assertRefused(flag(null, null, null), "ambiguous-quote");
        assertRefused(flag(3, null, null), "occurrence-not-found");
        assertRefused(flag(0, null, null), "occurrence-not-found");
        assertRefused(flag(null, 5, null), "quote-not-at-start");
        assertRefused(flag(1, 4, null), "invalid-claim");
        assertRefused(flag(null, null, "SOME"), "invalid-claim");
    }

    private static void assertRefused(FlagRequest request, String type) {
        assertThatThrownBy(() -> Occurrences.choose(request, "Soleimai", TWICE))
                .isInstanceOfSatisfying(ProblemException.class, problem -> assertThat(problem.type()).isEqualTo(type));
    }

    private static FlagRequest flag(Integer occurrence, Integer start, String scope) {
        return new FlagRequest("Soleimai", occurrence, start, scope, "NAME", null, "Soleimani", null);
    }
}
