package com.caseflow.routing.classification.application;

import com.caseflow.routing.classification.domain.Lexicon;
import org.springframework.core.io.Resource;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.constructor.SafeConstructor;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.DeserializationFeature;
import tools.jackson.databind.PropertyNamingStrategies;
import tools.jackson.databind.json.JsonMapper;

import java.io.IOException;
import java.io.InputStream;
import java.util.List;

/**
 * Reads a lexicon from YAML as a supervisor writes it (kebab-case keys, Chinese words). A misspelt key or an unknown
 * term is refused at start-up with where it is, rather than silently routing without it.
 */
public final class LexiconFile {

    private static final JsonMapper MAPPER = JsonMapper.builder()
            .propertyNamingStrategy(PropertyNamingStrategies.KEBAB_CASE)
            .enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
            .build();

    public static Lexicon read(Resource file) {
        Object yaml;
        try (InputStream in = file.getInputStream()) {
            yaml = new Yaml(new SafeConstructor(new LoaderOptions())).load(in);
        } catch (IOException | RuntimeException e) {
            throw new IllegalStateException("cannot read the lexicon " + file.getDescription() + ": " + e.getMessage(),
                    e);
        }
        Lexicon lexicon;
        try {
            lexicon = MAPPER.convertValue(yaml, Lexicon.class);
        } catch (JacksonException e) {
            throw new IllegalStateException("the lexicon " + file.getDescription() + " is not valid: "
                    + e.getOriginalMessage() + " at " + e.getPathReference(), e);
        }
        List<String> problems = lexicon.problems();
        if (!problems.isEmpty()) {
            throw new IllegalStateException("the lexicon " + file.getDescription() + " is not valid: "
                    + String.join("; ", problems));
        }
        return lexicon;
    }

    private LexiconFile() {
    }
}
