package vn.thidua.identity.organisation;

import java.util.List;
import java.util.Map;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.ConstructorBinding;
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
 * @param cityProcessStarters the same for the city's officials (issue 19; default: the city's council
 *        and chair open the city council's sessions)
 */
@ConfigurationProperties("thidua.organisation")
public record OrganisationProperties(@DefaultValue("classpath:organisation/demo.yaml") Resource file,
		Map<String, List<Role>> processStarters, @DefaultValue("MEMBER") List<Role> processReaders,
		Map<String, List<Role>> cityProcessStarters) {

	@ConstructorBinding
	public OrganisationProperties {
		processStarters = processStarters == null ? Map.of() : Map.copyOf(processStarters);
		cityProcessStarters = cityProcessStarters == null ? null : Map.copyOf(cityProcessStarters);
	}

	public OrganisationProperties(Resource file, Map<String, List<Role>> processStarters, List<Role> processReaders) {
		this(file, processStarters, processReaders, null);
	}

	/** What the city's officials may start: the setting, or the city council's sessions. */
	public Map<String, List<Role>> effectiveCityProcessStarters() {
		return cityProcessStarters != null ? cityProcessStarters
				: Map.of("CouncilSession", List.of(Role.COUNCIL, Role.CHAIR));
	}

}
