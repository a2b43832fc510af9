package org.rightsflow.limits;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.databind.DeserializationContext;
import com.fasterxml.jackson.databind.deser.std.StdScalarDeserializer;
import com.fasterxml.jackson.databind.deser.std.StringDeserializer;
import com.fasterxml.jackson.databind.module.SimpleModule;
import java.io.IOException;
import java.util.List;
import org.springframework.http.converter.HttpMessageConverter;
import org.springframework.http.converter.json.MappingJackson2HttpMessageConverter;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;

/**
 * {@link ControlCharacters} for JSON request bodies: Spring MVC's JSON reader gets a copy of the application's
 * mapper that checks every string. Only that one: JSON the application reads from connected systems is theirs to
 * shape.
 */
class CheckedJsonStrings implements WebMvcConfigurer {

    @Override
    public void extendMessageConverters(List<HttpMessageConverter<?>> converters) {
        SimpleModule strings = new SimpleModule("rightsflow-control-characters");
        strings.addDeserializer(String.class, new CheckedStrings());
        for (HttpMessageConverter<?> converter : converters) {
            if (converter instanceof MappingJackson2HttpMessageConverter jackson) {
                jackson.setObjectMapper(jackson.getObjectMapper().copy().registerModule(strings));
            }
        }
    }

    /** Jackson's own string reading, then the rule, with the name of the field being read. */
    private static final class CheckedStrings extends StdScalarDeserializer<String> {

        CheckedStrings() {
            super(String.class);
        }

        @Override
        public String deserialize(JsonParser parser, DeserializationContext context) throws IOException {
            String value = StringDeserializer.instance.deserialize(parser, context);
            if (value != null && !ControlCharacters.allowed(parser.currentName(), value)) {
                throw new ControlCharacterInJson(parser);
            }
            return value;
        }
    }
}
