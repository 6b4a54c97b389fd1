extension PlanDocument {
    /// `inputs`: what the plan was computed from.
    public struct Inputs: Sendable, Equatable, Codable {
        public var declared: Declared
        public var live: [LiveFile]

        init(_ inputs: PlanInputs) {
            declared = Declared(inputs.declared)
            live = inputs.live.map(LiveFile.init)
        }

        var model: PlanInputs { PlanInputs(declared: declared.model, live: live.map(\.model)) }
    }

    /// `inputs.declared`: the inventory's commit and digest.
    public struct Declared: Sendable, Equatable, Codable {
        public var commit: String?
        public var contentSHA256: String
        public var files: Int

        init(_ declared: PlanInputs.Declared) {
            commit = declared.commit
            contentSHA256 = declared.contentSHA256
            files = declared.files
        }

        var model: PlanInputs.Declared { PlanInputs.Declared(commit: commit, contentSHA256: contentSHA256, files: files) }

        enum CodingKeys: String, CodingKey {
            case commit, files
            case contentSHA256 = "content_sha256"
        }

        public func encode(to encoder: Encoder) throws {
            var container = encoder.container(keyedBy: CodingKeys.self)
            try container.encode(commit, forKey: .commit)
            try container.encode(contentSHA256, forKey: .contentSHA256)
            try container.encode(files, forKey: .files)
        }
    }

    /// `inputs.live[]`: one snapshot file, its digest and the format it was read as.
    public struct LiveFile: Sendable, Equatable, Codable {
        public var path: String
        public var sha256: String
        /// A `SnapshotFormat` name (`teams-json`, ...).
        public var format: String
        public var records: Int

        init(_ file: SnapshotFile) {
            path = file.path
            sha256 = file.sha256
            format = file.format.rawValue
            records = file.records
        }

        var model: SnapshotFile { SnapshotFile(path: path, sha256: sha256, format: SnapshotFormat(rawValue: format), records: records) }
    }
}
