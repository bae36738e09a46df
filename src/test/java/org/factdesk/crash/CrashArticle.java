package org.factdesk.crash;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.UUID;

/**
 * A generated article in the seed format with one misspelled place name per paragraph: each misspelling occurs once,
 * and no correction creates or removes another one, so every claim on it can be published in any order.
 */
record CrashArticle(String text, List<Misspelling> misspellings) {

    /** A quote as the article has it and the name it should be. */
    record Misspelling(String quote, String replacement) {
    }

    private static final String[] SYLLABLES = {"bra", "cor", "del", "fen", "gar", "hol", "kir", "lum", "mar", "nor",
            "pel", "quin", "ros", "sal", "tor", "vel", "wen", "yar", "zan", "bel", "dun", "fal", "gil", "hav"};

    private static final String[] SENTENCES = {
            "Officials in %s said on Tuesday that the bridge would reopen next week.",
            "Residents of %s were told to boil their water until further notice.",
            "The council in %s approved the budget by a narrow margin.",
            "Police in %s closed the high street after a gas leak.",
            "A spokesperson for the hospital in %s said three patients had been discharged.",
            "Schools in %s will stay closed until the storm has passed.",
            "The ferry to %s was cancelled for the second day running.",
            "Farmers near %s said the harvest was the worst in a decade."};

    static CrashArticle generate(Random random, int round, int claims) {
        Map<String, String> names = new LinkedHashMap<>();
        while (names.size() < claims) {
            String name = name(random);
            String quote = misspell(name);
            if (names.containsKey(quote) || names.containsValue(name) || quote.equals(name)) {
                continue;
            }
            boolean clashes = names.entrySet().stream().anyMatch(e -> e.getKey().contains(quote)
                    || quote.contains(e.getKey()) || e.getValue().contains(quote) || name.contains(e.getKey()));
            if (!clashes) {
                names.put(quote, name);
            }
        }
        List<Misspelling> misspellings = new ArrayList<>();
        StringBuilder text = new StringBuilder("Crash desk\nRound ").append(round).append(": news from ")
                .append(names.values().iterator().next()).append(" and elsewhere (").append(UUID.randomUUID())
                .append(")\n8 January 2020, 09:00\n");
        names.forEach((quote, name) -> {
            misspellings.add(new Misspelling(quote, name));
            text.append(SENTENCES[random.nextInt(SENTENCES.length)].formatted(quote)).append('\n');
        });
        return new CrashArticle(text.toString(), misspellings);
    }

    private static String name(Random random) {
        StringBuilder name = new StringBuilder();
        for (int i = 0; i < 3; i++) {
            name.append(SYLLABLES[random.nextInt(SYLLABLES.length)]);
        }
        name.setCharAt(0, Character.toUpperCase(name.charAt(0)));
        return name.toString();
    }

    /** Swaps the last two letters: "Bracordel" becomes "Bracordle". */
    private static String misspell(String name) {
        int n = name.length();
        return name.substring(0, n - 2) + name.charAt(n - 1) + name.charAt(n - 2);
    }
}
