package vn.thidua.identity.security;

import java.util.ArrayList;
import java.util.List;

import org.camunda.bpm.engine.ProcessEngineConfiguration;
import org.camunda.bpm.engine.ProcessEngineException;
import org.camunda.bpm.engine.impl.cfg.AbstractProcessEnginePlugin;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.context.Context;
import org.camunda.bpm.engine.impl.identity.Authentication;
import org.camunda.bpm.engine.impl.interceptor.Command;
import org.camunda.bpm.engine.impl.interceptor.CommandInterceptor;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

import vn.thidua.identity.organisation.GroupIds;
import vn.thidua.forms.DeployedForms;
import vn.thidua.forms.FormValidationException;

/**
 * The engine guard: every command a logged-in person sends to the engine, through whichever API
 * (the REST API, the web apps' copy that Tasklist calls, our own endpoints), is decided here, on the
 * command itself and the state it would change, inside the command's own transaction. Two
 * interceptors: the outer one (before the transaction) marks a top-level command of a person who is
 * not an administrator; the inner one (inside the command context) lets {@link EngineGuard} admit,
 * narrow or refuse it. Nested commands (the engine's own, those of our listeners) and commands without
 * a person (job executor, schedulers, start-up) are not held to a form.
 *
 * <p>Also the one place where a refused submission is logged: a form rule broken inside a listener
 * reaches the client as the rule's own Vietnamese message (not wrapped in ENGINE-03051) and the log
 * gets one WARN line, no stack trace.
 *
 * <p>Camunda's own login throttling counts wrong passwords per person, so anyone could lock another
 * person out; it is off here and {@link LoginThrottle} counts per client address instead.
 */
@Component
class EngineGuardPlugin extends AbstractProcessEnginePlugin {

	private static final Logger LOG = LoggerFactory.getLogger(EngineGuardPlugin.class);

	/** The top-level command of the current thread and whether the guard holds it to the rules. */
	private static final ThreadLocal<TopLevel> TOP_LEVEL = new ThreadLocal<>();

	private record TopLevel(Command<?> command, Authentication person, boolean guarded) {
	}

	private final DeployedForms forms;

	/** {@code thidua.security.check-revokes=true} keeps Camunda's per-command search for revokes (to measure it). */
	private final boolean checkRevokes;

	EngineGuardPlugin(DeployedForms forms,
			@org.springframework.beans.factory.annotation.Value("${thidua.security.check-revokes:false}") boolean checkRevokes) {
		this.forms = forms;
		this.checkRevokes = checkRevokes;
	}

	@Override
	public void preInit(ProcessEngineConfigurationImpl configuration) {
		EngineGuard.checkEngineClasses();
		configuration.setCustomPreCommandInterceptorsTxRequired(
				append(configuration.getCustomPreCommandInterceptorsTxRequired(), new Outer(configuration)));
		configuration.setCustomPostCommandInterceptorsTxRequired(
				append(configuration.getCustomPostCommandInterceptorsTxRequired(), new Inner()));
		configuration.setCustomPreCommandInterceptorsTxRequiresNew(
				append(configuration.getCustomPreCommandInterceptorsTxRequiresNew(), new Outer(configuration)));
		configuration.setCustomPostCommandInterceptorsTxRequiresNew(
				append(configuration.getCustomPostCommandInterceptorsTxRequiresNew(), new Inner()));
		// no per-person lock-out: wrong passwords are counted per client address (LoginThrottle)
		configuration.setLoginMaxAttempts(Integer.MAX_VALUE);
		configuration.setLoginDelayBase(0);
		configuration.setLoginDelayMaxTime(0);
	}

	/**
	 * With no revoke authorization stored (none can be: {@link EngineGuard#refuseRevoke}), the engine
	 * need not ask before every authorization check whether one exists (Camunda's "auto" runs that
	 * query in each command). A database that holds revokes from before keeps "auto" until they are
	 * deleted (logged).
	 */
	@Override
	public void postProcessEngineBuild(org.camunda.bpm.engine.ProcessEngine engine) {
		ProcessEngineConfigurationImpl configuration = (ProcessEngineConfigurationImpl) engine
			.getProcessEngineConfiguration();
		long revokes = engine.getAuthorizationService()
			.createAuthorizationQuery()
			.authorizationType(org.camunda.bpm.engine.authorization.Authorization.AUTH_TYPE_REVOKE)
			.count();
		if (revokes == 0 && !checkRevokes) {
			configuration.setAuthorizationCheckRevokes(ProcessEngineConfiguration.AUTHORIZATION_CHECK_REVOKE_NEVER);
		}
		else {
			LOG.warn("{} revoke authorizations are stored: the engine keeps looking for them in every command "
					+ "(delete them, rights are given by grants only)", revokes);
		}
	}

	private static List<CommandInterceptor> append(List<CommandInterceptor> list, CommandInterceptor interceptor) {
		List<CommandInterceptor> all = list == null ? new ArrayList<>() : new ArrayList<>(list);
		all.add(interceptor);
		return all;
	}

	static boolean isAdministrator(Authentication person) {
		return person.getGroupIds() != null && person.getGroupIds().contains(GroupIds.ADMINS);
	}

	/** Before the transaction: notes the top-level command and whose it is. */
	private static final class Outer extends CommandInterceptor {

		private final ProcessEngineConfigurationImpl configuration;

		Outer(ProcessEngineConfigurationImpl configuration) {
			this.configuration = configuration;
		}

		@Override
		public <T> T execute(Command<T> command) {
			if (Context.getCommandContext() != null || TOP_LEVEL.get() != null) {
				return next.execute(command);
			}
			Authentication person = configuration.getIdentityService().getCurrentAuthentication();
			boolean guarded = person != null && person.getUserId() != null && !isAdministrator(person)
					&& !ApplicationAccess.active();
			TOP_LEVEL.set(new TopLevel(command, person, guarded));
			try {
				return next.execute(command);
			}
			finally {
				TOP_LEVEL.remove();
			}
		}

	}

	/** Inside the command context: admits, narrows or refuses the top-level command. */
	private final class Inner extends CommandInterceptor {

		@Override
		public <T> T execute(Command<T> command) {
			TopLevel top = TOP_LEVEL.get();
			if (top == null || top.command() != command) {
				return next.execute(command);
			}
			Command<T> admitted = command;
			EngineGuard.refuseRevoke(command);
			if (top.guarded()) {
				try {
					admitted = new EngineGuard(Context.getCommandContext(), top.person(), forms).admit(command);
				}
				catch (RuntimeException refused) {
					logRefusal(top, command, refused);
					throw refused;
				}
			}
			try {
				return next.execute(admitted);
			}
			catch (ProcessEngineException failure) {
				FormValidationException rule = findRule(failure);
				if (rule == null) {
					throw failure;
				}
				logRefusal(top, command, rule);
				throw rule;
			}
		}

	}

	private static FormValidationException findRule(Throwable error) {
		for (Throwable t = error; t != null; t = t.getCause() == t ? null : t.getCause()) {
			if (t instanceof FormValidationException rule) {
				return rule;
			}
		}
		return null;
	}

	private static void logRefusal(TopLevel top, Command<?> command, RuntimeException refused) {
		String who = top.person() == null ? "(no login)" : top.person().getUserId();
		String field = refused instanceof FormValidationException rule && rule.getField() != null
				? " field " + rule.getField() : "";
		LOG.warn("Refused {} of {}{}: {}", command.getClass().getSimpleName(), who, field, refused.getMessage());
	}

}
