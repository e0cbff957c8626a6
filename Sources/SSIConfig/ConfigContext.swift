/// Where the merged configuration's keys were written, to point errors at a file and line.
struct ConfigContext {
    let userFile: String?
    let user: KeyLocator?
    let defaults: KeyLocator

    func error(_ path: [String], _ problem: String) -> ConfigurationError {
        let key = path.joined(separator: ".")
        if let userFile, let user, let line = user.line(of: path) {
            return ConfigurationError(file: userFile, line: line, key: key, problem: problem)
        }
        return ConfigurationError(file: "built-in defaults", line: defaults.line(of: path), key: key, problem: problem)
    }
}
