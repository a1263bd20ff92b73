/**
 * `given(events).when(command).then(events)` / `.thenThrows(ErrorClass)` over a decider: the
 * state is the given events folded with `evolve`, the outcome is what `decide` returns.
 */
export function deciderSpecification<Command, Event, State>(decider: {
  decide(command: Command, state: State): Event[];
  evolve(state: State, event: Event): State;
  initialState(): State;
}) {
  return {
    given(events: Event[]) {
      return {
        when(command: Command) {
          const run = () =>
            decider.decide(command, events.reduce(decider.evolve, decider.initialState()));
          return {
            then(expected: Event[]): void {
              expect(run()).toEqual(expected);
            },
            thenThrows(
              errorType: new (...args: never[]) => Error,
              check?: (error: Error) => void,
            ): void {
              let thrown: unknown;
              try {
                run();
              } catch (error) {
                thrown = error;
              }
              expect(thrown).toBeInstanceOf(errorType);
              check?.(thrown as Error);
            },
          };
        },
      };
    },
  };
}
