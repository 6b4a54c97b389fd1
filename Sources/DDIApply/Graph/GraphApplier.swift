/// The Graph run as `ddi apply` called it before the provider registry (`ApplyRun`). Kept only so
/// the command compiles until it calls `ApplyRun.carryOut`; delete it then.
public enum GraphApplier {
    public static func apply(steps: [ApplyStep], client: GraphClient, journal: ApplyJournal, progress: ApplyProgress) -> ApplyReport {
        JournaledRun.run(steps, with: GraphProvider(client: client), journal: journal, progress: progress)
    }
}
