package org.rightsflow.workflow;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.AbstractMap;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import javax.xml.XMLConstants;
import javax.xml.parsers.DocumentBuilderFactory;
import javax.xml.parsers.ParserConfigurationException;
import org.camunda.bpm.engine.delegate.Expression;
import org.camunda.bpm.engine.impl.cfg.AbstractProcessEnginePlugin;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.scripting.ExecutableScript;
import org.camunda.bpm.engine.impl.scripting.ScriptFactory;
import org.camunda.bpm.engine.spring.SpringExpressionManager;
import org.camunda.bpm.spring.boot.starter.property.CamundaBpmProperties;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.ApplicationContext;
import org.springframework.core.io.Resource;
import org.springframework.stereotype.Component;
import org.w3c.dom.Node;
import org.xml.sax.SAXException;

/**
 * Keeps the engine from being turned against the application that embeds it. A process expression could otherwise
 * reach every Spring bean ({@code ${environment.getProperty('rightsflow.secrets.data-keys')}}) and a script task
 * could run any code. So:
 * <ul>
 *   <li>expressions see only the beans that the application's own models name (Camunda's bean whitelist), worked
 *       out at start-up from {@code bpmn/*.bpmn}, never from what happens to be deployed;</li>
 *   <li>no script is ever compiled: a model with a script task, a script listener or a script condition fails to
 *       deploy (ours have none);</li>
 *   <li>queries evaluate no expressions, and Java-serialised variables are refused.</li>
 * </ul>
 * Who may deploy, start or change anything is Camunda's authorization (see the security module); this class makes
 * sure that even a model that got in could not read the keys.
 */
@Component
class EngineLockdown extends AbstractProcessEnginePlugin {

    private static final Logger log = LoggerFactory.getLogger(EngineLockdown.class);

    private static final Pattern EXPRESSION = Pattern.compile("[$#]\\{(.*?)}", Pattern.DOTALL);
    private static final Pattern STRING_LITERAL = Pattern.compile("'(?:[^'\\\\]|\\\\.)*'|\"(?:[^\"\\\\]|\\\\.)*\"");
    /** A name at the start of a path: {@code packagePolicy} in {@code packagePolicy.reviewBeforeRelease(...)}. */
    private static final Pattern ROOT_IDENTIFIER = Pattern.compile("(?<![\\w.])[A-Za-z_][A-Za-z0-9_]*");
    private static final Set<String> EL_KEYWORDS = Set.of("and", "or", "not", "eq", "ne", "lt", "gt", "le", "ge",
            "true", "false", "null", "empty", "div", "mod", "instanceof");

    private final ApplicationContext context;
    private final String[] modelPatterns;

    /** The models' location through Camunda's own properties bean: exactly what its auto-deployment reads. */
    EngineLockdown(ApplicationContext context, CamundaBpmProperties camunda) {
        this.context = context;
        this.modelPatterns = camunda.getDeploymentResourcePattern();
    }

    @Override
    public void preInit(ProcessEngineConfigurationImpl configuration) {
        Set<String> allowed = beansNamedByModels();
        log.info("Process expressions may use these beans only: {}", allowed);
        ModelBeans beans = new ModelBeans(context, allowed);
        configuration.setBeans(beans);
        // The engine's factory bean built its expression manager before any plugin ran, with no whitelist (every bean
        // of the context): replace it with one that resolves only the allowed beans.
        configuration.setExpressionManager(new SpringExpressionManager(context, beans));
        configuration.setScriptFactory(new NoScripts());
        configuration.setEnableExpressionsInAdhocQueries(false);
        configuration.setEnableExpressionsInStoredQueries(false);
        configuration.setJavaSerializationFormatEnabled(false);
    }

    /** Every name an expression of our models starts with that is also a bean: the delegates and the policies. */
    Set<String> beansNamedByModels() {
        Set<String> names = new TreeSet<>();
        try {
            for (String pattern : modelPatterns) {
                for (Resource model : context.getResources(pattern)) {
                    try (InputStream in = model.getInputStream()) {
                        collectRootIdentifiers(parse(in).getDocumentElement(), names);
                    }
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot read the process models " + String.join(", ", modelPatterns), e);
        }
        return names.stream().filter(context::containsBean).collect(Collectors.toCollection(TreeSet::new));
    }

    static Set<String> rootIdentifiers(String text) {
        Set<String> names = new TreeSet<>();
        Matcher expression = EXPRESSION.matcher(text);
        while (expression.find()) {
            String code = STRING_LITERAL.matcher(expression.group(1)).replaceAll("''");
            Matcher identifier = ROOT_IDENTIFIER.matcher(code);
            while (identifier.find()) {
                if (!EL_KEYWORDS.contains(identifier.group())) {
                    names.add(identifier.group());
                }
            }
        }
        return names;
    }

    private static void collectRootIdentifiers(Node node, Set<String> names) {
        if (node.getAttributes() != null) {
            for (int i = 0; i < node.getAttributes().getLength(); i++) {
                names.addAll(rootIdentifiers(node.getAttributes().item(i).getNodeValue()));
            }
        }
        for (Node child = node.getFirstChild(); child != null; child = child.getNextSibling()) {
            if (child.getNodeType() == Node.TEXT_NODE || child.getNodeType() == Node.CDATA_SECTION_NODE) {
                names.addAll(rootIdentifiers(child.getNodeValue()));
            } else if (child.getNodeType() == Node.ELEMENT_NODE) {
                collectRootIdentifiers(child, names);
            }
        }
    }

    private static org.w3c.dom.Document parse(InputStream in) throws IOException {
        try {
            DocumentBuilderFactory factory = DocumentBuilderFactory.newInstance();
            factory.setFeature(XMLConstants.FEATURE_SECURE_PROCESSING, true);
            factory.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
            return factory.newDocumentBuilder().parse(in);
        } catch (ParserConfigurationException | SAXException e) {
            throw new IOException("Not a readable BPMN model", e);
        }
    }

    /**
     * The whitelist as Camunda wants it, a map from name to bean. The beans are looked up on first use: at start-up
     * most of them depend on the engine being built.
     */
    static final class ModelBeans extends AbstractMap<Object, Object> {

        private final ApplicationContext context;
        private final Set<String> names;

        ModelBeans(ApplicationContext context, Set<String> names) {
            this.context = context;
            this.names = Set.copyOf(names);
        }

        @Override
        public boolean containsKey(Object key) {
            return names.contains(key);
        }

        @Override
        public Object get(Object key) {
            return names.contains(key) ? context.getBean((String) key) : null;
        }

        @Override
        public Set<Entry<Object, Object>> entrySet() {
            return names.stream().map(name -> (Entry<Object, Object>) new SimpleImmutableEntry<Object, Object>(name,
                    context.getBean(name))).collect(Collectors.toSet());
        }
    }

    /** Refuses every script when a model is parsed, so a model with one cannot be deployed. */
    static final class NoScripts extends ScriptFactory {

        @Override
        public ExecutableScript createScriptFromResource(String language, String resource) {
            throw refused(language);
        }

        @Override
        public ExecutableScript createScriptFromResource(String language, Expression resourceExpression) {
            throw refused(language);
        }

        @Override
        public ExecutableScript createScriptFromSource(String language, String source) {
            throw refused(language);
        }

        @Override
        public ExecutableScript createScriptFromSource(String language, Expression sourceExpression) {
            throw refused(language);
        }

        private static IllegalStateException refused(String language) {
            return new IllegalStateException("Scripts are disabled in this engine (" + language + ")");
        }
    }
}
