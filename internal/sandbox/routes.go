package sandbox

// routes registers every endpoint; each endpoint file has one routesXxx method.
func (s *Server) routes() {
	s.routesRepo()
	s.routesRefs()
	s.routesTags()
	s.routesCommits()
	s.routesCompare()
	s.routesBranches()
	s.routesMerges()
	s.routesIssues()
	s.routesComments()
	s.routesPulls()
	s.routesLabels()
	s.routesIssueEvents()
	s.routesStatuses()
	s.routesReleases()
	s.routesMisc()
	s.routesContents()
	s.routesGraphQL()
}
