package vn.thidua.dossier;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.util.unit.DataSize;

import vn.thidua.web.Messages;

/**
 * Limits of the nomination dossier ({@code thidua.dossier} in application.yaml).
 *
 * @param maxFileSize largest document (20 MB); also Spring's multipart limit
 * @param maxDossierSize all versions of all documents of one nomination together (100 MB)
 * @param chunkSize the size of one stored chunk row (256 KB): the most of a document in memory at once
 */
@ConfigurationProperties("thidua.dossier")
record DossierProperties(DataSize maxFileSize, DataSize maxDossierSize, DataSize chunkSize) {

	DossierProperties {
		maxFileSize = maxFileSize == null ? DataSize.ofMegabytes(20) : maxFileSize;
		maxDossierSize = maxDossierSize == null ? DataSize.ofMegabytes(100) : maxDossierSize;
		chunkSize = chunkSize == null ? DataSize.ofKilobytes(256) : chunkSize;
		if (chunkSize.toBytes() < 8 * 1024 || chunkSize.toBytes() > 16 * 1024 * 1024) {
			throw new IllegalStateException(Messages.get("dossier.chunk-size.invalid"));
		}
	}

}
