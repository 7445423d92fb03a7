package vn.thidua.award;

import java.util.List;

import org.springframework.boot.context.properties.ConfigurationProperties;

/** The award catalogue ({@code thidua.awards.catalogue} in application.yaml). */
@ConfigurationProperties("thidua.awards")
record AwardProperties(List<Award> catalogue) {

	AwardProperties {
		catalogue = catalogue == null ? List.of() : List.copyOf(catalogue);
	}

}
