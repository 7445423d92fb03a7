package vn.thidua.identity.security;

import java.util.ArrayList;
import java.util.List;

import org.camunda.bpm.engine.impl.cfg.AbstractProcessEnginePlugin;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.interceptor.Session;
import org.camunda.bpm.engine.impl.interceptor.SessionFactory;
import org.camunda.bpm.engine.impl.persistence.entity.AuthorizationManager;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/**
 * Engine plugin found by the city-scale benchmark (issue 9). Before every authorization check, each
 * engine command reads {@code SELECT DISTINCT GROUP_ID_ FROM ACT_RU_AUTHORIZATION} (the whole
 * table: one row per open task, person and group) to drop the caller's groups that have no
 * authorization at all; a Tasklist page runs four such commands. Dropping them changes no answer:
 * a group without any authorization row matches nothing in {@code GROUP_ID_ IN (...)}. So the
 * caller's groups are used as they are (our people are in two or three groups), and the scan is
 * gone. {@code thidua.security.filter-authorized-groups=true} restores Camunda's behaviour.
 */
@Component
class AuthorizedGroupsPlugin extends AbstractProcessEnginePlugin {

	private final boolean filterAuthorizedGroups;

	AuthorizedGroupsPlugin(@Value("${thidua.security.filter-authorized-groups:false}") boolean filterAuthorizedGroups) {
		this.filterAuthorizedGroups = filterAuthorizedGroups;
	}

	@Override
	public void preInit(ProcessEngineConfigurationImpl configuration) {
		if (filterAuthorizedGroups) {
			return;
		}
		List<SessionFactory> factories = configuration.getCustomSessionFactories() == null ? new ArrayList<>()
				: new ArrayList<>(configuration.getCustomSessionFactories());
		factories.add(new SessionFactory() {

			@Override
			public Class<?> getSessionType() {
				return AuthorizationManager.class;
			}

			@Override
			public Session openSession() {
				return new UnfilteredGroupsAuthorizationManager();
			}

		});
		configuration.setCustomSessionFactories(factories);
	}

	/** Camunda's authorization manager without the per-command scan of all authorized group ids. */
	static final class UnfilteredGroupsAuthorizationManager extends AuthorizationManager {

		@Override
		public List<String> filterAuthenticatedGroupIds(List<String> authenticatedGroupIds) {
			return authenticatedGroupIds == null || authenticatedGroupIds.isEmpty() ? new ArrayList<>()
					: new ArrayList<>(authenticatedGroupIds);
		}

	}

}
