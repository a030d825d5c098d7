#include "cli/cli.h"

#include <cstdlib>
#include <fstream>
#include <iostream>
#include <sstream>

namespace isnad::cli {

Status ParseArgs(int argc, char** argv, int first, const std::set<std::string>& with_value,
                 const std::set<std::string>& switches, Args* out) {
  *out = Args();
  bool options_done = false;
  for (int i = first; i < argc; ++i) {
    std::string arg = argv[i];
    if (options_done || arg == "-" || arg.rfind("--", 0) != 0) {
      out->positional.push_back(arg);
      continue;
    }
    if (arg == "--") {
      options_done = true;
      continue;
    }
    std::string name = arg.substr(2), value;
    const size_t eq = name.find('=');
    const bool inline_value = eq != std::string::npos;
    if (inline_value) {
      value = name.substr(eq + 1);
      name = name.substr(0, eq);
    }
    if (switches.count(name) && !inline_value) {
      out->switches.insert(name);
    } else if (with_value.count(name)) {
      if (!inline_value) {
        if (i + 1 >= argc) return InvalidArgument("--" + name + " needs a value");
        value = argv[++i];
      }
      out->values[name] = value;
    } else {
      return InvalidArgument("unknown option --" + name);
    }
  }
  return Status::Ok();
}

Status ReadFile(const std::string& path, std::string* out) {
  std::ifstream in(path, std::ios::binary);
  if (!in) return InvalidArgument("cannot read " + path);
  std::ostringstream buf;
  buf << in.rdbuf();
  if (in.bad()) return InvalidArgument("error reading " + path);
  *out = buf.str();
  return Status::Ok();
}

Status ReadStdin(std::string* out) {
  std::ostringstream buf;
  buf << std::cin.rdbuf();
  *out = buf.str();
  return Status::Ok();
}

Status WriteFile(const std::string& path, const std::string& bytes) {
  std::ofstream out(path, std::ios::binary | std::ios::trunc);
  out.write(bytes.data(), static_cast<std::streamsize>(bytes.size()));
  out.close();
  if (!out) return Internal("cannot write " + path);
  return Status::Ok();
}

std::string ModelPath(const Args& args) {
  if (auto it = args.values.find("model"); it != args.values.end()) return it->second;
  if (const char* env = std::getenv("ISNAD_MODEL"); env && *env) return env;
  return std::string(ISNAD_SOURCE_DIR) + "/models/isnad.model";
}

Status LoadAnalyzer(const Args& args, std::unique_ptr<Analyzer>* out) {
  const std::string path = ModelPath(args);
  std::string bytes;
  Status s = ReadFile(path, &bytes);
  if (s.ok()) s = Analyzer::Load(bytes, out);
  if (!s.ok()) return Status(s.code(), path + ": " + s.message());
  return Status::Ok();
}

std::string InputLabel(const std::string& input) { return input == "-" ? "<stdin>" : input; }

Status AnalyzeInput(Analyzer& analyzer, const std::string& input, const AnalyzeOptions& options, Document* out) {
  std::string text;
  Status s = input == "-" ? ReadStdin(&text) : ReadFile(input, &text);
  if (s.ok()) s = analyzer.Analyze(text, options, out);
  return s;
}

int AnalyzeAllInputs(int argc, char** argv, const char* command,
                     std::vector<std::pair<std::string, Document>>* out) {
  Args args;
  Status s = ParseArgs(argc, argv, 2, {"date", "model"}, {}, &args);
  AnalyzeOptions options;
  if (s.ok() && args.values.count("date")) {
    options.document_date = args.values["date"];
    s = ValidateAnalyzeOptions(options);
  }
  if (!s.ok()) {
    std::cerr << "isnad " << command << ": " << s.message() << "\n";
    return kExitUsage;
  }
  std::unique_ptr<Analyzer> analyzer;
  s = LoadAnalyzer(args, &analyzer);
  if (!s.ok()) {
    std::cerr << "isnad: " << s.ToString() << "\n";
    return kExitModelError;
  }
  std::vector<std::string> inputs = args.positional;
  if (inputs.empty()) inputs.push_back("-");
  for (const std::string& input : inputs) {
    Document doc;
    s = AnalyzeInput(*analyzer, input, options, &doc);
    if (!s.ok()) {
      std::cerr << "isnad: " << InputLabel(input) << ": " << s.message() << "\n";
      return kExitInputError;
    }
    out->emplace_back(InputLabel(input), std::move(doc));
  }
  return kExitOk;
}

std::string SharedDir() {
  if (const char* env = std::getenv("ISNAD_SHARED"); env && *env) return env;
  return std::string(ISNAD_SOURCE_DIR) + "/../shared";
}

std::string BaseName(const std::string& path) {
  const size_t slash = path.find_last_of('/');
  std::string name = slash == std::string::npos ? path : path.substr(slash + 1);
  const size_t dot = name.find_last_of('.');
  if (dot != std::string::npos && dot > 0) name.resize(dot);
  return name;
}

}  // namespace isnad::cli
