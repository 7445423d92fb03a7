package db.migration;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;

import org.flywaydb.core.api.migration.BaseJavaMigration;
import org.flywaydb.core.api.migration.Context;

import vn.thidua.award.NomineeNames;

/**
 * Issue 22: the nominee's folded name ({@link NomineeNames#folded}) stored on the register
 * ({@code thidua_award}) and the nominations ({@code thidua_nomination}) as
 * {@code nominee_name_folded}, so the register's name search and a person's page query by it
 * instead of folding every row in Java. Existing rows are folded here by the same Java function
 * the application writes them with (SQL has no equal of it on both databases), then the column
 * becomes NOT NULL and the person's index (chapter_group, nominee_name_folded) is built. The
 * trigram index of the name search is PostgreSQL's only: V28 in {@code db/vendor/{vendor}}.
 */
public class V27__Register_folded_names extends BaseJavaMigration {

	private static final int BATCH = 1000;

	@Override
	public void migrate(Context context) throws SQLException {
		Connection connection = context.getConnection();
		for (String table : new String[] { "thidua_award", "thidua_nomination" }) {
			try (Statement s = connection.createStatement()) {
				s.execute("ALTER TABLE " + table + " ADD COLUMN nominee_name_folded VARCHAR(200)");
			}
			backfill(connection, table);
			try (Statement s = connection.createStatement()) {
				s.execute("ALTER TABLE " + table + " ALTER COLUMN nominee_name_folded SET NOT NULL");
				s.execute("CREATE INDEX ix_" + table + "_person ON " + table + " (chapter_group, nominee_name_folded)");
			}
		}
	}

	/** Folds every row's name, {@value #BATCH} updates per batch. */
	private static void backfill(Connection connection, String table) throws SQLException {
		try (Statement read = connection.createStatement();
				ResultSet rs = read.executeQuery("SELECT id, nominee_name FROM " + table + " ORDER BY id");
				PreparedStatement write = connection
					.prepareStatement("UPDATE " + table + " SET nominee_name_folded = ? WHERE id = ?")) {
			int pending = 0;
			while (rs.next()) {
				write.setString(1, NomineeNames.folded(rs.getString(2)));
				write.setLong(2, rs.getLong(1));
				write.addBatch();
				if (++pending == BATCH) {
					write.executeBatch();
					pending = 0;
				}
			}
			if (pending > 0) {
				write.executeBatch();
			}
		}
	}

}
