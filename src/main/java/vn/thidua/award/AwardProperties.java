package vn.thidua.award;

import java.util.List;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * The award catalogue ({@code thidua.awards.catalogue} in application.yaml), the kinds of document
 * a dossier may hold ({@code document-kinds}) and the kinds every collective's dossier also needs
 * ({@code collective-documents}).
 */
@ConfigurationProperties("thidua.awards")
record AwardProperties(List<Award> catalogue, List<DocumentKind> documentKinds, List<String> collectiveDocuments) {

	AwardProperties {
		catalogue = catalogue == null ? List.of() : List.copyOf(catalogue);
		documentKinds = documentKinds == null ? List.of() : List.copyOf(documentKinds);
		collectiveDocuments = collectiveDocuments == null ? List.of() : List.copyOf(collectiveDocuments);
	}

}
