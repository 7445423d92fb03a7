package vn.thidua.dossier;

import java.io.IOException;
import java.io.InputStream;

/**
 * Where the bytes of dossier documents live; the metadata (kind, name, SHA-256, versions) is always
 * in {@code thidua_document}. The default, {@link JdbcDocumentStore}, keeps them in the
 * application's database, in the same backup and the same transaction as the metadata.
 *
 * <p>An S3-compatible store would implement this with the AWS SDK's multipart upload:
 * {@link #create()} starts an upload under a fresh random key, {@link ContentWriter#write} buffers
 * to 5 MB parts, {@link ContentWriter#finish()} completes the upload and returns the key, and
 * {@link #open} streams {@code GetObject}. Because the object store is outside the database
 * transaction, it must also delete the object when the transaction rolls back (a
 * {@code TransactionSynchronization} registered in {@code create()}), and a periodic sweep should
 * remove objects no {@code thidua_document.storage_key} names. It is chosen with a bean of this type
 * of its own (the JDBC store steps back: {@code @ConditionalOnMissingBean}).
 */
interface DocumentStore {

	/** Starts new content; it becomes visible with the caller's transaction. */
	ContentWriter create();

	/** The content under a key returned by {@link ContentWriter#finish()}, streamed. */
	InputStream open(String storageKey) throws IOException;

	/** Writes one document's bytes in order. */
	interface ContentWriter {

		void write(byte[] bytes, int length);

		/** @return the storage key to keep with the metadata */
		String finish();

	}

}
