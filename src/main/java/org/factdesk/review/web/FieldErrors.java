package org.factdesk.review.web;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.factdesk.claim.Decision;
import org.factdesk.claim.LegalDecision;
import org.factdesk.shared.Refusal;

/**
 * Turns the engine's refusal of a task form into what the page shows: the field it is about and a sentence in plain
 * words, shown once under that field (which the page marks invalid and focuses), or, for a refusal about no field, a
 * sentence above the form. The engine's own words are written for the API (they name variables and give examples);
 * a person at the form reads these.
 */
public record FieldErrors(Map<String, String> fields, String general) {

    private static final Pattern TOO_LONG = Pattern.compile("^'(\\w+)' is (\\d+) characters long; the limit is (\\d+)");
    private static final Pattern QUOTED = Pattern.compile("'(\\w+)'");

    /** No refusal. */
    static FieldErrors none() {
        return new FieldErrors(Map.of(), null);
    }

    /** The first field the page marks invalid (it takes the focus), or null. */
    public String first() {
        return fields.isEmpty() ? null : fields.keySet().iterator().next();
    }

    /**
     * The field and plain words of {@code refusal} on a form with {@code formFields}; {@code fallback} is the sentence
     * for a refusal about none of them.
     */
    static FieldErrors of(Refusal refusal, List<String> formFields, String fallback) {
        String message = refusal.message() == null ? "" : refusal.message();
        Map<String, String> fields = new LinkedHashMap<>();
        Matcher tooLong = TOO_LONG.matcher(message);
        if ("field-too-long".equals(refusal.type()) && tooLong.find() && formFields.contains(tooLong.group(1))) {
            fields.put(tooLong.group(1), "This is too long: " + tooLong.group(2) + " characters, and at most "
                    + tooLong.group(3) + " fit. Shorten it.");
            return new FieldErrors(fields, null);
        }
        String field = fieldOf(refusal.type(), message, formFields);
        String words = words(refusal.type(), message, field);
        if (field == null || words == null) {
            return new FieldErrors(Map.of(), fallback);
        }
        fields.put(field, words);
        return new FieldErrors(fields, null);
    }

    private static String fieldOf(String type, String message, List<String> formFields) {
        switch (type) {
            case "silent-fix-not-allowed":
                return formFields.contains("kind") ? "kind" : null;
            case "invalid-notice":
                return "notice";
            case "invalid-replacement":
                return "replacement";
            default:
                break;
        }
        if (message.contains("needs the notice readers will see") || message.startsWith(LegalDecision.REWRITE.name() + " needs")
                || message.contains("same as the approved one")) {
            return "notice";
        }
        if (message.contains("has no replacement")) {
            return formFields.contains("replacement") ? "replacement" : "kind";
        }
        Matcher quoted = QUOTED.matcher(message);
        while (quoted.find()) {
            if (formFields.contains(quoted.group(1))) {
                return quoted.group(1);
            }
        }
        if (type.equals("invalid-verdict") && message.contains("replacement is the same as the quote")) {
            return "replacement";
        }
        if (type.equals("invalid-verdict") || type.equals("invalid-decision") && message.startsWith("Give")) {
            return formFields.contains("verdict") ? "verdict" : null;
        }
        if (type.equals("invalid-kind")) {
            return formFields.contains("kind") ? "kind" : null;
        }
        return null;
    }

    private static String words(String type, String message, String field) {
        if (field == null) {
            return null;
        }
        if (type.equals("edit-needs-approval")) {
            return "Your change to " + (field.equals("notice") ? "the notice" : "the corrected text") + " is published "
                    + "only when you approve. Undo it, or say what to change in your comment.";
        }
        return switch (field) {
            case "notice" -> message.contains("same as the approved one")
                    ? "This is the notice as approved. Change it, or choose \u201cClear as approved\u201d."
                    : message.startsWith(LegalDecision.REWRITE.name() + " needs") ? "Write the notice as it should be published."
                    : "Write the notice readers will see.";
            case "replacement" -> message.contains("same as the quote")
                    ? "The corrected text is the same as the quote, so nothing would change. Change it."
                    : message.contains("changes no words")
                    ? "This kind of update changes no words. Undo your change to the corrected text."
                    : message.contains("no longer in revision")
                    ? "The quote is no longer in the text, so there is nothing to replace. Return the claim to the "
                            + "fact-checker."
                    : "Give the corrected text.";
            case "note" -> "Say why it is not an error: your reason goes on the record.";
            case "comment" -> message.startsWith(Decision.RETURN.name())
                    ? "Tell the fact-checker what to look at again."
                    : message.startsWith(LegalDecision.BLOCK.name()) ? "Give the reason for blocking, for the editor and the record."
                    : "Say why, for the record.";
            case "kind" -> type.equals("silent-fix-not-allowed")
                    ? "A silent fix is only for a low-severity typo that changes no meaning. Publish this as a "
                            + "correction, with a notice readers will see."
                    : message.contains("publishes nothing")
                    ? "Not an error publishes nothing: leave the kind as the verdict says."
                    : "This verdict cannot be published as that kind of update. Choose another.";
            case "verdict" -> "Choose what you found.";
            case "decision" -> "Choose approve, return or reject.";
            default -> null;
        };
    }
}
