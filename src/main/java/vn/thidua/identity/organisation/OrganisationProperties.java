package vn.thidua.identity.organisation;

import java.util.List;
import java.util.Map;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.core.io.Resource;

/**
 * {@code thidua.organisation.*}: where the organisation file is, and which roles may start which
 * process (turned into Camunda authorizations by {@link OrganisationSync}).
 *
 * @param file the organisation YAML file ({@code file:/etc/thidua/organisation.yaml}, or the demo
 *        file on the classpath)
 * @param processStarters process definition key to the roles that may start it
 * @param processReaders roles that may read every process definition (diagrams and forms)
 */
@ConfigurationProperties("thidua.organisation")
public record OrganisationProperties(@DefaultValue("classpath:organisation/demo.yaml") Resource file,
		Map<String, List<Role>> processStarters, @DefaultValue("MEMBER") List<Role> processReaders) {

	public OrganisationProperties {
		processStarters = processStarters == null ? Map.of() : Map.copyOf(processStarters);
	}

}
