package vn.thidua.award;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.camunda.bpm.dmn.feel.impl.FeelEngine;
import org.camunda.bpm.dmn.feel.impl.scala.ScalaFeelEngineFactory;
import org.camunda.bpm.engine.variable.Variables;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import vn.thidua.forms.FormSchema;

/**
 * Issue 20: the nomination's start form offers, for the nominee type chosen, exactly the awards the
 * server accepts for that type ({@link Award#givenTo}, the start's check), with the catalogue's
 * names; and the server's form check ({@link FormSchema}) lets every offered award through. The
 * form's {@code valuesExpression} is evaluated with Camunda's FEEL engine, as form-js evaluates it.
 */
class AwardFormChoicesTest {

	private static final Path FORM = Path.of("forms", "nomination-start.form");

	private static JsonNode awardField() throws IOException {
		for (JsonNode c : new ObjectMapper().readTree(FORM.toFile()).path("components")) {
			if ("awardCode".equals(c.path("key").asText())) {
				return c;
			}
		}
		throw new AssertionError("no awardCode in " + FORM);
	}

	/** The choices (value → label) the form offers when {@code nomineeType} is chosen. */
	@SuppressWarnings("unchecked")
	private static Map<String, String> offered(String nomineeType) throws IOException {
		String expression = awardField().path("valuesExpression").asText();
		assertThat(expression).startsWith("=");
		FeelEngine feel = new ScalaFeelEngineFactory().createInstance();
		Object result = feel.evaluateSimpleExpression(expression.substring(1),
				Variables.createVariables().putValue("nomineeType", nomineeType).asVariableContext());
		Map<String, String> choices = new LinkedHashMap<>();
		for (Object option : (List<Object>) result) {
			Map<String, Object> map = (Map<String, Object>) option;
			choices.put((String) map.get("value"), (String) map.get("label"));
		}
		return choices;
	}

	@ParameterizedTest
	@ValueSource(strings = { "INDIVIDUAL", "COLLECTIVE" })
	void shouldOfferForATypeExactlyTheAwardsTheServerAcceptsForIt(String nomineeType) throws IOException {
		AwardCatalogue catalogue = AwardCatalogueTest.shipped();
		Map<String, String> offered = offered(nomineeType);
		List<String> accepted = new ArrayList<>();
		catalogue.all().stream().filter(a -> a.givenTo(nomineeType)).forEach(a -> accepted.add(a.code()));

		assertThat(offered.keySet()).as("offered for %s", nomineeType).containsExactlyElementsOf(accepted);
		assertThat(offered).as("an award of the other type only").doesNotContainKey(
				"INDIVIDUAL".equals(nomineeType) ? "TAP_THE_LDTT" : "CSTD_CO_SO");
		offered.forEach((code, label) -> assertThat(label).as(code)
			.startsWith(catalogue.find(code).orElseThrow().name()));
	}

	@Test
	void shouldOfferEveryAwardBeforeTheTypeIsChosenAndLetTheServerCheckTakeEachOne() throws IOException {
		AwardCatalogue catalogue = AwardCatalogueTest.shipped();
		List<String> all = catalogue.all().stream().map(Award::code).toList();
		assertThat(offered(null).keySet()).containsExactlyElementsOf(all);

		FormSchema schema = FormSchema.parse(new ObjectMapper().readTree(FORM.toFile()));
		FormSchema.Field field = schema.fields().stream().filter(f -> f.key().equals("awardCode")).findFirst().orElseThrow();
		assertThat(field.values()).containsExactlyInAnyOrderElementsOf(all);
	}

}
