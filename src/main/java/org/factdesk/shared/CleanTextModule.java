package org.factdesk.shared;

import java.io.IOException;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.databind.DeserializationContext;
import com.fasterxml.jackson.databind.deser.std.StringDeserializer;
import com.fasterxml.jackson.databind.module.SimpleModule;
import org.springframework.stereotype.Component;

/**
 * Refuses, while a JSON body is read, any string that holds NUL, another control character or half of a surrogate
 * pair ({@link InputLimits#requireClean}), naming the field. JSON can carry any of them as an escape sequence;
 * stored, they break the Atom feed and the API's own JSON for every reader. Spring Boot adds every Jackson module
 * bean to the application's ObjectMapper, so this holds for every JSON body FactDesk's API reads; tab, line ends and
 * well-formed pairs (emoji) are text and pass.
 */
@Component
class CleanTextModule extends SimpleModule {

    CleanTextModule() {
        super("factdesk-clean-text");
        addDeserializer(String.class, new CleanStringDeserializer());
    }

    /** Jackson's own string reading, then the check. */
    static final class CleanStringDeserializer extends StringDeserializer {

        @Override
        public String deserialize(JsonParser parser, DeserializationContext context) throws IOException {
            String value = super.deserialize(parser, context);
            InputLimits.requireClean(field(parser), value);
            return value;
        }

        private static String field(JsonParser parser) throws IOException {
            String name = parser.currentName();
            // An element of an array has no name of its own: its path says where it is ("/tags/0").
            return name != null ? name : parser.getParsingContext().pathAsPointer().toString();
        }
    }
}
