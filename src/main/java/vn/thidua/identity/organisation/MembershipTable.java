package vn.thidua.identity.organisation;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;

import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;

/**
 * The engine's membership table read in one statement: the identity service has no bulk query, and
 * one query per group would make a restart of a city-sized installation slow.
 */
final class MembershipTable {

	private final ProcessEngineConfigurationImpl engineConfiguration;

	MembershipTable(ProcessEngineConfigurationImpl engineConfiguration) {
		this.engineConfiguration = engineConfiguration;
	}

	/** Group id to the logins of its members, read in one statement (the identity service has no bulk query). */
	Map<String, Set<String>> read() {
		String table = engineConfiguration.getDatabaseTablePrefix() + "ACT_ID_MEMBERSHIP";
		return engineConfiguration.getCommandExecutorTxRequired().execute(commandContext -> {
			Map<String, Set<String>> members = new HashMap<>();
			Connection connection = commandContext.getDbSqlSession().getSqlSession().getConnection();
			try (PreparedStatement statement = connection.prepareStatement("SELECT USER_ID_, GROUP_ID_ FROM " + table);
					ResultSet rows = statement.executeQuery()) {
				while (rows.next()) {
					members.computeIfAbsent(rows.getString(2), g -> new HashSet<>()).add(rows.getString(1));
				}
			}
			catch (SQLException ex) {
				throw new IllegalStateException("Cannot read the memberships: " + ex.getMessage(), ex);
			}
			return members;
		});
	}

}
