package sandbox

// routes registers every endpoint; each endpoint file has one routesXxx method.
func (s *Server) routes() {
	s.routesRepo()
}
