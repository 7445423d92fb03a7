package vn.thidua.identity.organisation;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;

import org.camunda.bpm.engine.identity.User;
import org.camunda.bpm.engine.impl.cfg.AbstractProcessEnginePlugin;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.cmd.SaveUserCmd;
import org.springframework.stereotype.Component;

/**
 * The organisation's two needs that the identity service's API does not meet, reached through the
 * engine configuration this plugin is given: saving a user whose demo password the password policy
 * would refuse, and reading every membership in one statement (the identity service has no bulk
 * query, and one query per group would make a restart of a city-sized installation slow).
 */
@Component
class IdentityEnginePlugin extends AbstractProcessEnginePlugin {

	private volatile ProcessEngineConfigurationImpl engine;

	@Override
	public void preInit(ProcessEngineConfigurationImpl configuration) {
		this.engine = configuration;
	}

	/** Saves the user, with or without the engine's password policy. */
	void saveUser(User user, boolean skipPasswordPolicy) {
		engine.getCommandExecutorTxRequired().execute(new SaveUserCmd(user, skipPasswordPolicy));
	}

	/** Group id to the logins of its members, read in one statement. */
	Map<String, Set<String>> memberships() {
		String table = engine.getDatabaseTablePrefix() + "ACT_ID_MEMBERSHIP";
		return engine.getCommandExecutorTxRequired().execute(commandContext -> {
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
